// The seller's chat rules for all their streams: slow mode, links, blocked words and a
// viewer cap. Saved at once; every stream of the shop follows them from the next message
// or token on.
import { useSignal } from "@preact/signals";
import { saveRules } from "@/lib/client/moderation.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { MAX_VIEWER_CAP, SLOW_MODE_SECONDS } from "@/lib/contract/limits.ts";
import type { ChatRules } from "@/lib/contract/views.ts";

export interface ChatRulesEditorProps {
  shopId: string;
  initial: ChatRules;
}

const words = (text: string) => text.split("\n").map((w) => w.trim()).filter(Boolean);

export default function ChatRulesEditor({ shopId, initial }: ChatRulesEditorProps) {
  const rules = useSignal(initial);
  const blocked = useSignal(initial.blockedWords.join("\n"));
  const saved = useSignal(false);
  const { busy, error, run } = useAction();
  const change = (patch: Partial<ChatRules>) => {
    rules.value = { ...rules.value, ...patch };
    saved.value = false;
  };
  async function save(event: Event) {
    event.preventDefault();
    saved.value = await run(async () => {
      const fresh = (await saveRules(shopId, { ...rules.value, blockedWords: words(blocked.value) })).rules;
      rules.value = fresh;
      blocked.value = fresh.blockedWords.join("\n");
    });
  }
  const { slowModeSeconds, linksAllowed, viewerCap } = rules.value;
  return (
    <form class="card form chat-rules" onSubmit={save} aria-label="Chat rules">
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
          onInput={(e) => {
            blocked.value = e.currentTarget.value;
            saved.value = false;
          }}
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
