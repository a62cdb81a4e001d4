// The seller's moderation desk in the studio: viewers' reports as they come in (topic
// "report", sent to the seller only) with one-click delete, time out, ban or dismiss; the
// shop's running timeouts with Lift timeout and its bans with Unban; and the moderation
// log. After any moderation (topic "moderation"), a drop, or a timeout's end, it reads
// them again. Lifting a timeout or a ban takes its button away with the person: the focus
// goes to their list's heading, and the panel says what was done.
import { type RefObject } from "preact";
import { useRef } from "preact/hooks";
import { SanctionList } from "@/components/SanctionList.tsx";
import { ModerationLog } from "@/components/ModerationLog.tsx";
import { ReportList } from "@/components/ReportList.tsx";
import { useLiveState } from "@/lib/client/live_state.ts";
import { dismissReport, fetchOverview, liftTimeout, unban } from "@/lib/client/shop_moderation.ts";
import { sayFor } from "@/lib/client/say_for.ts";
import { localTime } from "@/lib/contract/dates.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { useChatModeration } from "@/lib/client/use_chat_moderation.ts";
import { useAtEnd } from "@/lib/client/use_now.ts";
import type { Ban, StudioModeration } from "@/lib/contract/views.ts";

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
  const timedOut = useRef<HTMLHeadingElement>(null);
  const banned = useRef<HTMLHeadingElement>(null);
  /** Lets `who` go from the `list` under `heading`: gone from it at once, the rest (the log) read again. */
  const letGo = (
    send: () => Promise<unknown>,
    who: Ban,
    list: "timeouts" | "bans",
    heading: RefObject<HTMLHeadingElement>,
    words: string,
  ) =>
    run(async () => {
      await send();
      state.value = { ...state.value, [list]: state.value[list].filter((p) => p.person !== who.person) };
      refetch();
      heading.current?.focus();
      sayFor(moderation.done, words);
    });
  return (
    <section class="moderation-panel" aria-label="Moderation" data-ready={ready.value || undefined}>
      {[problem.value, error.value, moderation.error.value].filter(Boolean).map((e) => (
        <p key={e} class="notice error" role="alert">{e}</p>
      ))}
      {/* In the panel from the first render: a live region added with its words is often not read. */}
      <div role="status">{moderation.done.value && <p class="notice ok">{moderation.done.value}</p>}</div>
      <h3>Reports</h3>
      <ReportList
        reports={reports}
        moderation={moderation}
        onDismiss={(id) => run(() => dismissReport(streamId, id).then(() => drop([id])))}
      />
      <h3 tabIndex={-1} ref={timedOut}>Timed out</h3>
      <SanctionList
        people={timeouts}
        none="Nobody is timed out."
        says={(t) => (
          <>
            timed out by <bdi>{t.by}</bdi> until <time dateTime={t.until}>{localTime(t.until, true)}</time>
          </>
        )}
        lift={{ text: "Lift timeout", label: (t) => `Lift the timeout of ${t.name}` }}
        busy={busy.value}
        onLift={(t) =>
          letGo(() => liftTimeout(shopId, t.person), t, "timeouts", timedOut, `Lifted ${t.name}'s timeout.`)}
      />
      <h3 tabIndex={-1} ref={banned}>Banned</h3>
      <SanctionList
        people={bans}
        none="Nobody is banned."
        says={(ban) => (
          <>
            banned by <bdi>{ban.by}</bdi> at <time dateTime={ban.at}>{localTime(ban.at)}</time>
          </>
        )}
        lift={{ text: "Unban", label: (ban) => `Unban ${ban.name}` }}
        busy={busy.value}
        onLift={(ban) => letGo(() => unban(shopId, ban.person), ban, "bans", banned, `Unbanned ${ban.name}.`)}
      />
      <h3>Moderation log</h3>
      <ModerationLog entries={log} />
    </section>
  );
}
