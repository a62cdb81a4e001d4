// Light LiveKit subscribers for bench/capacity.ts: one participant per token read from
// stdin, each reading every RTP packet it is sent without decoding it, so one process
// can stand in for many viewers. After the warm-up it counts packets, bytes and
// sequence gaps over the window: it prints "counting" when the window starts and one
// JSON line when it ends.
//
//	go run . -url ws://127.0.0.1:7880 -warmup 5s -window 10s < tokens
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
)

// Result is what the Deno driver reads: totals over the window for all subscribers.
type Result struct {
	Subscribers int `json:"subscribers"`
	// Participants that joined, and video tracks that delivered packets in the window.
	Joined       int     `json:"joined"`
	VideoTracks  int     `json:"videoTracks"`
	JoinSeconds  float64 `json:"joinSeconds"`
	Video        Counts  `json:"video"`
	Audio        Counts  `json:"audio"`
	WindowSecond float64 `json:"windowSeconds"`
	// Video tracks by the height of the last key frame each received (VP8; 0 when unknown):
	// which simulcast layer the SFU forwards to them.
	Heights map[uint16]int `json:"heights"`
	// CPU this process used in the window, in seconds (user + system).
	CPUSeconds float64  `json:"cpuSeconds"`
	Errors     []string `json:"errors"`
}

// Counts sums every track of one kind.
type Counts struct {
	Packets int64 `json:"packets"`
	Bytes   int64 `json:"bytes"`
	// Sequence numbers skipped when a packet arrived, and those that came later (NACKed
	// and sent again): what was lost and never came is Gaps - Recovered.
	Gaps      int64 `json:"gaps"`
	Recovered int64 `json:"recovered"`
}

// counter follows one track's sequence numbers; the zero value is ready.
type counter struct {
	packets, bytes, gaps, recovered atomic.Int64
	started                         bool
	last                            int64 // extended (never wraps) sequence number
	seen                            [4096]int64
	height                          atomic.Uint32
}

// keyFrameHeight is the frame height a VP8 key frame's first packet carries, or 0.
func keyFrameHeight(payload []byte) uint16 {
	var vp8 codecs.VP8Packet
	if _, err := vp8.Unmarshal(payload); err != nil || vp8.S != 1 || vp8.PID != 0 {
		return 0
	}
	p := vp8.Payload
	// A key frame: frame tag bit 0 clear, then the start code 9d 01 2a, width, height.
	if len(p) < 10 || p[0]&1 != 0 || p[3] != 0x9d || p[4] != 0x01 || p[5] != 0x2a {
		return 0
	}
	return binary.LittleEndian.Uint16(p[8:10]) & 0x3fff
}

func (c *counter) add(seq uint16, size int) {
	c.packets.Add(1)
	c.bytes.Add(int64(size))
	if !c.started {
		// Start one cycle up, so a packet older than the first never goes below zero.
		c.started, c.last = true, int64(seq)+65536
		c.seen[c.last%4096] = c.last
		return
	}
	// The extended number closest to the last one, so a wrap past 65535 keeps counting up.
	ext := c.last + int64(int16(seq-uint16(c.last)))
	slot := &c.seen[ext%4096]
	if *slot == ext {
		return // a duplicate
	}
	*slot = ext
	if ext > c.last {
		c.gaps.Add(ext - c.last - 1)
		c.last = ext
	} else {
		c.recovered.Add(1)
	}
}

func (c *counter) snapshot() Counts {
	return Counts{c.packets.Load(), c.bytes.Load(), c.gaps.Load(), c.recovered.Load()}
}

func (a Counts) minus(b Counts) Counts {
	return Counts{a.Packets - b.Packets, a.Bytes - b.Bytes, a.Gaps - b.Gaps, a.Recovered - b.Recovered}
}

func (a Counts) plus(b Counts) Counts {
	return Counts{a.Packets + b.Packets, a.Bytes + b.Bytes, a.Gaps + b.Gaps, a.Recovered + b.Recovered}
}

type tracks struct {
	sync.Mutex
	video, audio []*counter
	errors       []string
}

func (t *tracks) read(track *webrtc.TrackRemote) {
	c := &counter{}
	t.Lock()
	if track.Kind() == webrtc.RTPCodecTypeVideo {
		t.video = append(t.video, c)
	} else {
		t.audio = append(t.audio, c)
	}
	t.Unlock()
	vp8 := track.Codec().MimeType == webrtc.MimeTypeVP8
	for {
		pkt, _, err := track.ReadRTP()
		if err != nil {
			return
		}
		c.add(pkt.SequenceNumber, pkt.MarshalSize())
		if vp8 {
			if h := keyFrameHeight(pkt.Payload); h > 0 {
				c.height.Store(uint32(h))
			}
		}
	}
}

func (t *tracks) fail(err error) {
	t.Lock()
	defer t.Unlock()
	if len(t.errors) < 5 {
		t.errors = append(t.errors, err.Error())
	}
}

func (t *tracks) heights() map[uint16]int {
	t.Lock()
	defer t.Unlock()
	found := map[uint16]int{}
	for _, c := range t.video {
		found[uint16(c.height.Load())]++
	}
	return found
}

func (t *tracks) snapshot() (video, audio []Counts) {
	t.Lock()
	defer t.Unlock()
	for _, c := range t.video {
		video = append(video, c.snapshot())
	}
	for _, c := range t.audio {
		audio = append(audio, c.snapshot())
	}
	return video, audio
}

// sum adds the change since `before` of each track; tracks that appeared since count whole.
func sum(now, before []Counts) (total Counts, active int) {
	for i, c := range now {
		if i < len(before) {
			c = c.minus(before[i])
		}
		if c.Packets > 0 {
			active++
		}
		total = total.plus(c)
	}
	return total, active
}

func main() {
	url := flag.String("url", "", "LiveKit URL (ws://…)")
	warmup := flag.Duration("warmup", 5*time.Second, "time after joining before counting")
	window := flag.Duration("window", 10*time.Second, "how long to count")
	parallel := flag.Int("parallel", 10, "participants joining at once")
	flag.Parse()

	var tokens []string
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 64*1024), 64*1024)
	for scanner.Scan() {
		if line := strings.TrimSpace(scanner.Text()); line != "" {
			tokens = append(tokens, line)
		}
	}
	if *url == "" || len(tokens) == 0 {
		fmt.Fprintln(os.Stderr, "usage: subscribers -url ws://… < tokens (one a line)")
		os.Exit(2)
	}

	var t tracks
	var joined atomic.Int64
	rooms := make([]*lksdk.Room, len(tokens))
	slots := make(chan struct{}, *parallel)
	var wg sync.WaitGroup
	start := time.Now()
	for i, token := range tokens {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			cb := &lksdk.RoomCallback{ParticipantCallback: lksdk.ParticipantCallback{
				OnTrackSubscribed: func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
					go t.read(track)
				},
			}}
			room, err := lksdk.ConnectToRoomWithToken(*url, token, cb, lksdk.WithConnectTimeout(30*time.Second))
			if err != nil {
				t.fail(err)
				return
			}
			rooms[i] = room
			joined.Add(1)
		}()
	}
	wg.Wait()
	joinSeconds := time.Since(start).Seconds()

	time.Sleep(*warmup)
	fmt.Println("counting") // the driver samples the server's CPU now and when the JSON line comes
	videoBefore, audioBefore := t.snapshot()
	cpuBefore := cpuSeconds()
	began := time.Now()
	time.Sleep(*window)
	videoAfter, audioAfter := t.snapshot()
	elapsed := time.Since(began).Seconds()
	cpu := cpuSeconds() - cpuBefore

	video, active := sum(videoAfter, videoBefore)
	audio, _ := sum(audioAfter, audioBefore)
	t.Lock()
	errors := append([]string{}, t.errors...)
	t.Unlock()
	out, _ := json.Marshal(Result{
		Subscribers:  len(tokens),
		Joined:       int(joined.Load()),
		VideoTracks:  active,
		JoinSeconds:  joinSeconds,
		Video:        video,
		Audio:        audio,
		WindowSecond: elapsed,
		Heights:      t.heights(),
		CPUSeconds:   cpu,
		Errors:       errors,
	})
	// Printed before leaving, so the driver's samples of the server end with the window.
	fmt.Println(string(out))
	for _, room := range rooms {
		if room != nil {
			room.Disconnect()
		}
	}
}

func cpuSeconds() float64 {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano()).Seconds()
}
