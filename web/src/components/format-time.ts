/** A stored ISO time as people read it, in UTC like the server's logs and schedule ("2027-03-01 09:00 UTC"). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
