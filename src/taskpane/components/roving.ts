import * as React from "react";

/**
 * A row of controls that is one Tab stop (roving tabindex): ← → Home End move between its `[data-roving]` items.
 * Fluent's TabList and Toolbar do this through Tabster, whose focusable aria-hidden "dummy inputs" axe reports
 * (aria-hidden-focus); this plain version has none.
 */
export function useRovingGroup<T extends HTMLElement>(): {
  ref: React.RefObject<T | null>;
  onKeyDown: (e: React.KeyboardEvent) => void;
  onFocus: (e: React.FocusEvent) => void;
} {
  const ref = React.useRef<T>(null);
  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>("[data-roving]") ?? [])].filter((i) => !(i as HTMLButtonElement).disabled);
  const settle = (current?: HTMLElement) => {
    const all = items();
    const active = current ?? all.find((i) => i.dataset.rovingActive === "true") ?? all.find((i) => i.getAttribute("aria-selected") === "true") ?? all[0];
    for (const i of ref.current?.querySelectorAll<HTMLElement>("[data-roving]") ?? []) {
      i.tabIndex = i === active ? 0 : -1;
      i.dataset.rovingActive = String(i === active);
    }
  };
  // After every render: items come and go (a button appears once the check has run).
  React.useLayoutEffect(() => settle());
  const onFocus = (e: React.FocusEvent) => {
    const t = (e.target as HTMLElement).closest<HTMLElement>("[data-roving]");
    if (t) settle(t);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const all = items();
    const at = all.indexOf((e.target as HTMLElement).closest<HTMLElement>("[data-roving]")!);
    if (at < 0) return;
    const to =
      e.key === "ArrowRight"
        ? all[(at + 1) % all.length]
        : e.key === "ArrowLeft"
          ? all[(at - 1 + all.length) % all.length]
          : e.key === "Home"
            ? all[0]
            : e.key === "End"
              ? all[all.length - 1]
              : undefined;
    if (!to) return;
    e.preventDefault();
    to.focus();
  };
  return { ref, onKeyDown, onFocus };
}
