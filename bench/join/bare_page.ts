// The bare page the join bench compares the watch page with: livekit-client alone, joining
// the same room with a viewer token and showing the first video track, nothing else.
import { Room, RoomEvent, Track } from "livekit-client";

const params = new URLSearchParams(location.hash.slice(1));
const room = new Room();
room.on(RoomEvent.TrackSubscribed, (track) => {
  if (track.kind === Track.Kind.Video) document.body.append(track.attach());
});
await room.connect(params.get("url")!, params.get("token")!);
