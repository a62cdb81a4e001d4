// The seller's chat rules for all their streams: slow mode, links, blocked words and a
// viewer cap. Saved at once; every stream of the shop follows them from the next message
// or token on.
import { useChatRules } from "@/lib/client/use_chat_rules.ts";
import { MAX_VIEWER_CAP, SLOW_MODE_SECONDS } from "@/lib/contract/limits.ts";
import type { ChatRules } from "@/lib/contract/views.ts";

export interface ChatRulesEditorProps {
  shopId: string;
  initial: ChatRules;
}

export default function ChatRulesEditor({ shopId, initial }: ChatRulesEditorProps) {
  const { rules, blocked, saved, busy, error, change, setBlocked, save } = useChatRules(shopId, initial);
  const submit = (event: Event) => {
    event.preventDefault();
    save();
  };
  const { slowModeSeconds, linksAllowed, viewerCap } = rules.value;
  return (
    <form class="card form chat-rules" onSubmit={submit} aria-label="Chat rules">
      <h3>Chat rules, for all your streams</h3>
      {error.value && <p class="notice error" role="alert">{error.value}</p>}
      <label>
        Slow mode
        <select
          value={String(slowModeSeconds)}
          onChange={(e) => change({ slowModeSeconds: Number(e.currentTarget.value) })}
        >
          {SLOW_MODE_SECONDS.map((s) => (
            <option key={s} value={String(s)}>{s ? `One message every ${s} seconds` : "Off"}</option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={linksAllowed}
          onChange={(e) => change({ linksAllowed: e.currentTarget.checked })}
        />
        Viewers may post links
      </label>
      <label>
        Blocked words (one per line)
        <textarea
          rows={4}
          value={blocked.value}
          onInput={(e) => setBlocked(e.currentTarget.value)}
        />
      </label>
      <label>
        Viewer cap per stream (0: no cap)
        <input
          type="number"
          min={0}
          max={MAX_VIEWER_CAP}
          value={viewerCap}
          onInput={(e) => change({ viewerCap: Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)) })}
        />
      </label>
      <button type="submit" class="primary" disabled={busy.value}>Save chat rules</button>
      {saved.value && <p class="notice ok" role="status">Chat rules saved.</p>}
    </form>
  );
}
