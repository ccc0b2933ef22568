import type { Locator, Page } from 'playwright-core';

/** What every screen shares: header (trash, language, connectivity), breadcrumb, toast. */
export class AppShell {
  constructor(readonly page: Page) {}

  get header(): Locator {
    return this.page.getByRole('banner');
  }

  language(name: 'Bahasa Indonesia' | 'English'): Locator {
    return this.header.getByRole('button', { name, exact: true });
  }

  /** "Tempat sampah" in the header, reachable from every screen. */
  trashButton(label = 'Tempat sampah'): Locator {
    return this.header.getByRole('button', { name: label, exact: true });
  }

  openTrash(label = 'Tempat sampah'): Promise<void> {
    return this.trashButton(label).click();
  }

  get connectivity(): Locator {
    return this.page.getByTestId('connectivity');
  }

  get breadcrumb(): Locator {
    return this.page.getByRole('navigation');
  }

  /** The crumb for the current screen. */
  get currentCrumb(): Locator {
    return this.breadcrumb.locator('[aria-current="page"]');
  }

  crumb(name: string): Locator {
    return this.breadcrumb.getByRole('button', { name, exact: true });
  }

  back(label = 'Kembali'): Promise<void> {
    return this.breadcrumb.getByRole('button', { name: label }).click();
  }

  get toast(): Locator {
    return this.page.getByTestId('toast');
  }

  undo(label = 'Urungkan'): Promise<void> {
    return this.toastAction(label);
  }

  /** The one button a toast may carry: "Urungkan", "Buka". */
  toastAction(label: string): Promise<void> {
    return this.toast.getByRole('button', { name: label }).click();
  }

  /** Closes the toast, as if its ten seconds had passed. */
  async dismissToast(label = 'Tutup'): Promise<void> {
    await this.toast.getByRole('button', { name: label }).click();
    await this.toast.waitFor({ state: 'detached' });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}

/** Text as a person reads it: no-break spaces (Intl's "Rp 15.000") become plain spaces. */
export function readable(text: string | null): string {
  return (text ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text a screen reader announces with a control: its error and hint, via aria-describedby. */
export function description(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}
