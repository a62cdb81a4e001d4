// What the media benchmarks read from a browser: the seller's outbound RTP streams (from
// the peer connections withRtcStats records), and direct peer links as a baseline.
import type { Page } from "playwright-core";

export interface OutboundLayer {
  /** Which peer connection and RTP stream: the same across calls while both last. */
  id: string;
  kind: string;
  /** The simulcast layer's id ("q", "h", "f" in LiveKit), or "" for a single layer. */
  rid: string;
  bytesSent: number;
  frameWidth: number;
  frameHeight: number;
  /** Why the encoder sends less than asked ("none", "cpu", "bandwidth"). */
  limitation: string;
}

/** Every outbound RTP stream of every peer connection the page made (recorded by withRtcStats). */
export function outboundLayers(page: Page): Promise<OutboundLayer[]> {
  return page.evaluate(async () => {
    const layers: OutboundLayer[] = [];
    for (
      const [i, pc] of ((globalThis as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).entries()
    ) {
      if (pc.connectionState === "closed") continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type !== "outbound-rtp") return;
        layers.push({
          id: `${i}/${s.id}`,
          kind: s.kind,
          rid: s.rid ?? "",
          bytesSent: s.bytesSent ?? 0,
          frameWidth: s.frameWidth ?? 0,
          frameHeight: s.frameHeight ?? 0,
          limitation: s.qualityLimitationReason ?? "none",
        });
      });
    }
    return layers;
  });
}

/**
 * Links `sender` to `receiver` with `count` direct RTCPeerConnections on loopback, each
 * sending every track of the sender page's `globalThis.peerStream`; the receiver keeps
 * what each link brings in `globalThis.peerStreams`. Whole offers and answers go through
 * this process (no trickle: loopback candidates gather at once).
 */
export async function peerLinks(sender: Page, receiver: Page, count: number): Promise<void> {
  const offers = await sender.evaluate(async (count) => {
    const g = globalThis as unknown as { peerStream: MediaStream; peers?: RTCPeerConnection[] };
    g.peers = [];
    return await Promise.all([...Array(count)].map(async () => {
      const pc = new RTCPeerConnection();
      g.peers!.push(pc);
      for (const track of g.peerStream.getTracks()) pc.addTrack(track, g.peerStream);
      await pc.setLocalDescription();
      while (pc.iceGatheringState !== "complete") {
        await new Promise((next) => pc.addEventListener("icegatheringstatechange", next, { once: true }));
      }
      return pc.localDescription!.toJSON();
    }));
  }, count);
  const answers = await receiver.evaluate(async (offers) => {
    const g = globalThis as unknown as { peerStreams: MediaStream[]; peers?: RTCPeerConnection[] };
    g.peers = [];
    g.peerStreams = [];
    return await Promise.all(offers.map(async (offer, i) => {
      const pc = new RTCPeerConnection();
      g.peers!.push(pc);
      pc.addEventListener("track", (e) => g.peerStreams[i] = e.streams[0]!);
      await pc.setRemoteDescription(offer);
      await pc.setLocalDescription();
      while (pc.iceGatheringState !== "complete") {
        await new Promise((next) => pc.addEventListener("icegatheringstatechange", next, { once: true }));
      }
      return pc.localDescription!.toJSON();
    }));
  }, offers);
  await sender.evaluate(async (answers) => {
    const peers = (globalThis as unknown as { peers: RTCPeerConnection[] }).peers;
    await Promise.all(answers.map((answer, i) => peers[i]!.setRemoteDescription(answer)));
  }, answers);
}
