// The seller's moderation desk in the studio: viewers' reports as they come in (topic
// "report", sent to the seller only) with one-click delete, time out, ban or dismiss; the
// shop's bans with Unban; and the moderation log. After any moderation (topic
// "moderation") or a drop, it reads them again.
import { BanList } from "@/components/BanList.tsx";
import { ModerationLog } from "@/components/ModerationLog.tsx";
import { ReportList } from "@/components/ReportList.tsx";
import { useLiveState } from "@/lib/client/live_state.ts";
import { dismissReport, fetchOverview, unban } from "@/lib/client/moderation.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { useChatModeration } from "@/lib/client/use_chat_moderation.ts";
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
  const { reports, bans, log } = state.value;
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
      <h3>Banned</h3>
      <BanList
        bans={bans}
        busy={busy.value}
        onUnban={(ban) => run(() => unban(shopId, ban.person).then(refetch))}
      />
      <h3>Moderation log</h3>
      <ModerationLog entries={log} />
    </section>
  );
}
