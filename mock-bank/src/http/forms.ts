import type { Context } from 'hono';

/**
 * The string fields of a submitted form; anything else (files, a body that is not a form) is ignored,
 * so a malformed submission reads as empty fields and gets the screen's own Korean message.
 */
export async function formFields(c: Context): Promise<Record<string, string>> {
  try {
    const body = await c.req.parseBody();
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string') fields[key] = value;
    }
    return fields;
  } catch {
    return {};
  }
}

/** One trimmed field, '' when absent. */
export function field(fields: Record<string, string>, name: string): string {
  return (fields[name] ?? '').trim();
}
