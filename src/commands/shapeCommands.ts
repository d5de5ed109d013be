import * as vscode from 'vscode';
import { IntegrationNode } from '../tree/nodes/integrationNode';
import { OwnerNode } from '../tree/nodes/ownerNode';
import type { TreeShape } from '../tree/treeShape';

/** Rows the user may hide: a linked code host, or an organization/group (not their own namespace). */
function hideable(node: unknown): node is IntegrationNode | OwnerNode {
  return node instanceof IntegrationNode || (node instanceof OwnerNode && node.owner.kind === 'organization');
}

/** The view's shaping commands: hide, show again, pin organizations, show hidden rows. */
export function shapeCommands(shape: TreeShape): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('scalingo.hideFromView', async (node: unknown) => {
      if (hideable(node)) await shape.hide(node.id, true);
    }),
    vscode.commands.registerCommand('scalingo.unhideFromView', async (node: unknown) => {
      if (hideable(node)) await shape.hide(node.id, false);
    }),
    vscode.commands.registerCommand('scalingo.pinOrganization', async (node: unknown) => {
      if (node instanceof OwnerNode && node.owner.kind === 'organization') await shape.pin(node.id, true);
    }),
    vscode.commands.registerCommand('scalingo.unpinOrganization', async (node: unknown) => {
      if (node instanceof OwnerNode) await shape.pin(node.id, false);
    }),
    vscode.commands.registerCommand('scalingo.showHiddenItems', () => shape.setShowHidden(true)),
    vscode.commands.registerCommand('scalingo.hideHiddenItems', () => shape.setShowHidden(false)),
  ];
}
