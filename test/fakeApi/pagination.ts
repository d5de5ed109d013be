/**
 * `page` / `per_page` and the `meta.pagination` block of the Scalingo APIs. A page past the end is
 * empty (not an error), as with the real service; a non-numeric or non-positive value is a 400.
 */
import { errorReply, type Reply } from './reply';

const MAX_PER_PAGE = 100;

interface PaginationMeta {
  prev_page: number | null;
  current_page: number;
  next_page: number | null;
  total_pages: number;
  total_count: number;
}

export type Paged<T> =
  | { readonly ok: true; readonly items: T[]; readonly meta: { pagination: PaginationMeta } }
  | { readonly ok: false; readonly reply: Reply };

export function paginate<T>(items: readonly T[], query: Readonly<Record<string, string>>, defaultPerPage: number): Paged<T> {
  const page = positiveInteger(query['page'], 1);
  const perPage = positiveInteger(query['per_page'], defaultPerPage);
  if (page === undefined) return { ok: false, reply: errorReply(400, 'page must be a positive integer') };
  if (perPage === undefined) return { ok: false, reply: errorReply(400, 'per_page must be a positive integer') };
  const size = Math.min(perPage, MAX_PER_PAGE);
  const totalPages = Math.ceil(items.length / size);
  const start = (page - 1) * size;
  return {
    ok: true,
    items: items.slice(start, start + size),
    meta: {
      pagination: {
        prev_page: page > 1 ? page - 1 : null,
        current_page: page,
        next_page: page < totalPages ? page + 1 : null,
        total_pages: totalPages,
        total_count: items.length,
      },
    },
  };
}

function positiveInteger(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/u.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 1 ? value : undefined;
}
