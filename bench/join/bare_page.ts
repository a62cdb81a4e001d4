// The bare page the join bench compares the watch page with: livekit-client alone, joining
// the same room with a viewer token and showing the first video track, nothing else. On
// the floor page (the watch page's own HTML and CSS with this script in place of the
// islands) it plays into the page's server-rendered <video>.
import { Room, RoomEvent, Track } from "livekit-client";

const params = new URLSearchParams(location.hash.slice(1));
const room = new Room();
room.on(RoomEvent.TrackSubscribed, (track) => {
  if (track.kind !== Track.Kind.Video) return;
  const video = document.querySelector<HTMLVideoElement>("video.main-video");
  if (video) track.attach(video);
  else document.body.append(track.attach());
});
await room.connect(params.get("url")!, params.get("token")!);
