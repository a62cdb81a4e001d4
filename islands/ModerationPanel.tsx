// The seller's moderation desk in the studio: viewers' reports as they come in (topic
// "report", sent to the seller only) with one-click delete, time out, ban or dismiss; the
// shop's running timeouts with Lift timeout and its bans with Unban; and the moderation
// log. After any moderation (topic "moderation"), a drop, or a timeout's end, it reads
// them again.
import { SanctionList } from "@/components/SanctionList.tsx";
import { ModerationLog } from "@/components/ModerationLog.tsx";
import { ReportList } from "@/components/ReportList.tsx";
import { useLiveState } from "@/lib/client/live_state.ts";
import { dismissReport, fetchOverview, liftTimeout, unban } from "@/lib/client/shop_moderation.ts";
import { localTime } from "@/lib/client/server_clock.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { useChatModeration } from "@/lib/client/use_chat_moderation.ts";
import { useAtEnd } from "@/lib/client/use_now.ts";
import type { StudioModeration } from "@/lib/contract/views.ts";

export interface ModerationPanelProps {
  streamId: string;
  shopId: string;
  initial: StudioModeration;
}

export default function ModerationPanel({ streamId, shopId, initial }: ModerationPanelProps) {
  const { state, ready, problem, refetch } = useLiveState(initial, {
    on: {
      report: (held, { message, count, at }) => ({
        ...held,
        reports: [{ message, count, at }, ...held.reports.filter((r) => r.message.id !== message.id)],
      }),
      removed: (held, { ids }) => ({
        ...held,
        reports: held.reports.filter((r) => !ids.includes(r.message.id)),
      }),
    },
    refetch: () => fetchOverview(streamId),
    refetchOn: ["moderation"],
  });
  const drop = (ids: string[]) =>
    state.value = { ...state.value, reports: state.value.reports.filter((r) => !ids.includes(r.message.id)) };
  const moderation = useChatModeration(streamId, drop);
  const { busy, error, run } = useAction();
  const { reports, bans, timeouts, log } = state.value;
  useAtEnd(timeouts.map((t) => t.until), 0, refetch);
  return (
    <section class="moderation-panel" aria-label="Moderation" data-ready={ready.value || undefined}>
      {[problem.value, error.value, moderation.error.value].filter(Boolean).map((e) => (
        <p key={e} class="notice error" role="alert">{e}</p>
      ))}
      {moderation.done.value && <p class="notice ok" role="status">{moderation.done.value}</p>}
      <h3>Reports</h3>
      <ReportList
        reports={reports}
        moderation={moderation}
        onDismiss={(id) => run(() => dismissReport(streamId, id).then(() => drop([id])))}
      />
      <h3>Timed out</h3>
      <SanctionList
        people={timeouts}
        none="Nobody is timed out."
        says={(t) => (
          <>
            timed out by {t.by} until <time dateTime={t.until}>{localTime(t.until, true)}</time>
          </>
        )}
        lift={{ text: "Lift timeout", label: (t) => `Lift the timeout of ${t.name}` }}
        busy={busy.value}
        onLift={(t) => run(() => liftTimeout(shopId, t.person).then(refetch))}
      />
      <h3>Banned</h3>
      <SanctionList
        people={bans}
        none="Nobody is banned."
        says={(ban) => (
          <>
            banned by {ban.by} at <time dateTime={ban.at}>{localTime(ban.at)}</time>
          </>
        )}
        lift={{ text: "Unban", label: (ban) => `Unban ${ban.name}` }}
        busy={busy.value}
        onLift={(ban) => run(() => unban(shopId, ban.person).then(refetch))}
      />
      <h3>Moderation log</h3>
      <ModerationLog entries={log} />
    </section>
  );
}
