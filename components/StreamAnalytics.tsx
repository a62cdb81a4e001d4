import type { StreamAnalytics as Numbers } from "@/lib/contract/views.ts";

const LABELS: [keyof Numbers, string][] = [
  ["peakViewers", "Peak viewers"],
  ["uniqueViewers", "Unique viewers"],
  ["chatMessages", "Chat messages"],
  ["likes", "Likes"],
  ["sheetOpens", "Product sheet opens"],
  ["reservations", "Reservations"],
  ["unitsReserved", "Units reserved"],
  ["reactions", "Reactions"],
];

/** The stream's numbers, shown to its seller once it has ended. */
export function StreamAnalytics({ analytics }: { analytics: Numbers }) {
  return (
    <section class="stream-analytics" aria-label="Stream analytics">
      <h2>How the stream went</h2>
      <dl>
        {LABELS.map(([key, label]) => (
          <div key={key} class="stat" data-stat={key} data-value={analytics[key]}>
            <dt>{label}</dt>
            <dd>{analytics[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
