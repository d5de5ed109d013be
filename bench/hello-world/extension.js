// The generator's hello world, word for word in spirit: one command, registered at activation.
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('benchHelloWorld.helloWorld', () => vscode.window.showInformationMessage('Hello World!')),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
