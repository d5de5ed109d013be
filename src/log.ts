import * as vscode from 'vscode';

export type LogComponent = 'api' | 'auth' | 'tree' | 'commands';

/** Lines tagged by component (`[tree] …`) in the one "Scalingo" log channel. */
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Scalingo', { log: true });
}

export function componentLog(channel: vscode.LogOutputChannel, component: LogComponent): Log {
  const tag = `[${component}]`;
  return {
    trace: (message) => channel.trace(`${tag} ${message}`),
    debug: (message) => channel.debug(`${tag} ${message}`),
    info: (message) => channel.info(`${tag} ${message}`),
    warn: (message) => channel.warn(`${tag} ${message}`),
    error: (message) => channel.error(`${tag} ${message}`),
  };
}
