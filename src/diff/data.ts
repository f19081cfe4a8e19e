// Changes to free-form package data: settings, metadata and notification preferences. They are
// shown for review but never judged breaking: svcpkg cannot know what they mean to the platform.
import { change } from './classify.js';
import { sameValue, toDiffValue } from './json-value.js';
import type { Change, ChangeKind, DiffPackage } from './model.js';
import { compareCodes, own } from './order.js';

/** Per-key changes of a mapping. */
function mappingChanges(
  kinds: { added: ChangeKind; removed: ChangeKind; changed: ChangeKind },
  path: string,
  before: Readonly<Record<string, unknown>> | null | undefined,
  after: Readonly<Record<string, unknown>> | null | undefined,
): Change[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort(compareCodes);
  const changes: Change[] = [];
  for (const key of keys) {
    const had = before ? Object.hasOwn(before, key) : false;
    const has = after ? Object.hasOwn(after, key) : false;
    const was = toDiffValue(own(before, key));
    const is = toDiffValue(own(after, key));
    const at = `${path}.${key}`;
    if (!had && has) changes.push(change(kinds.added, 'added', at, null, is));
    else if (had && !has) changes.push(change(kinds.removed, 'removed', at, was, null));
    else if (!sameValue(was, is)) changes.push(change(kinds.changed, 'changed', at, was, is));
  }
  return changes;
}

/** Changes of notification preferences (compared as a whole), settings and metadata. */
export function dataChanges(o: DiffPackage, n: DiffPackage): Change[] {
  const notifications = sameValue(o.notification_preferences ?? [], n.notification_preferences ?? [])
    ? []
    : [change('notifications_changed', 'changed', 'notification_preferences', toDiffValue(o.notification_preferences ?? []), toDiffValue(n.notification_preferences ?? []))];
  return [
    ...notifications,
    ...mappingChanges({ added: 'setting_added', removed: 'setting_removed', changed: 'setting_changed' }, 'package_settings', o.package_settings, n.package_settings),
    ...mappingChanges({ added: 'metadata_added', removed: 'metadata_removed', changed: 'metadata_changed' }, 'package_metadata', o.package_metadata, n.package_metadata),
  ];
}
