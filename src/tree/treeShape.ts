import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

const SHAPE_KEY = 'scalingo.treeShape';

interface StoredShape {
  readonly hidden?: readonly string[];
  readonly pinned?: readonly string[];
  readonly showHidden?: boolean;
}

/**
 * How the user shaped the tree: rows hidden from view, organizations pinned first, and whether
 * hidden rows show anyway. Kept in globalState (the user's, across restarts and windows), never in
 * a setting, which a workspace's .vscode/settings.json could change. Keyed by tree ids, which are
 * built from API ids and so survive renames of what is shown.
 */
export class TreeShape extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {
    super();
    void this.publishShowHidden();
  }

  isHidden(id: string): boolean {
    return this.stored().hidden?.includes(id) ?? false;
  }

  isPinned(id: string): boolean {
    return this.stored().pinned?.includes(id) ?? false;
  }

  get showHidden(): boolean {
    return this.stored().showHidden ?? false;
  }

  /** Whether a row is left out: hidden, and hidden rows are not being shown. */
  leavesOut(id: string): boolean {
    return !this.showHidden && this.isHidden(id);
  }

  hide(id: string, hidden: boolean): Promise<void> {
    return this.update({ hidden: toggled(this.stored().hidden, id, hidden) });
  }

  pin(id: string, pinned: boolean): Promise<void> {
    return this.update({ pinned: toggled(this.stored().pinned, id, pinned) });
  }

  async setShowHidden(show: boolean): Promise<void> {
    await this.update({ showHidden: show });
    await this.publishShowHidden();
  }

  /** Pinned first (in pin order), the others in their own order. */
  pinnedFirst<T extends { readonly id: string }>(nodes: readonly T[]): T[] {
    const pins = this.stored().pinned ?? [];
    const pinned = pins.flatMap((id) => nodes.filter((node) => node.id === id));
    return [...pinned, ...nodes.filter((node) => !pins.includes(node.id))];
  }

  private stored(): StoredShape {
    return this.memento.get<StoredShape>(SHAPE_KEY) ?? {};
  }

  private async update(change: StoredShape): Promise<void> {
    await this.memento.update(SHAPE_KEY, { ...this.stored(), ...change });
    this.changed.fire();
  }

  /**
   * The title menu and the palette offer "Show Hidden Items" or "Hide Hidden Items" from these keys.
   * Two keys, as for the sign-in state: before activation neither is set, and the palette then
   * offers both.
   */
  private async publishShowHidden(): Promise<void> {
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'scalingo:showingHidden', this.showHidden),
      vscode.commands.executeCommand('setContext', 'scalingo:hidingHidden', !this.showHidden),
    ]);
  }
}

function toggled(ids: readonly string[] | undefined, id: string, on: boolean): string[] {
  const rest = (ids ?? []).filter((candidate) => candidate !== id);
  return on ? [...rest, id] : rest;
}
