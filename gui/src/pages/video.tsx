// Video calls of a project: browser-to-browser WebRTC (full mesh). The server does signalling
// and presence only: JoinCall, then one server stream (ConnectParticipant) that brings
// joins, leaves, media-state changes and the offers, answers and ICE candidates others send
// with unary Signal calls. A newcomer offers to everybody already in the call.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, account } from "../api";
import { VideoService } from "../gen/orbit/video/v1/video_service_pb";
import { CallState, SignalKind, type CallEvent, type MediaState, type Participant } from "../gen/orbit/video/v1/video_pb";
import { MembershipService } from "../gen/orbit/system/v1/membership_service_pb";
import { t, fmtTime } from "../i18n";
import { ErrorNote, PageTitle, useSubmit, useLoad, Loading, describeError } from "../ui";
import { isProjectAdmin } from "../state";

/** A call (the list of calls is the video module's card page). */
export function Calls({ project, call }: { project: string; call: string }) {
  return <CallView key={call} project={project} callId={call} />;
}

interface Peer {
  pc: RTCPeerConnection;
  stream: MediaStream;
  pending: RTCIceCandidateInit[];
}

function CallView({ project, callId }: { project: string; callId: string }) {
  const info = useLoad(() => api(VideoService).getCall({ projectId: project, callId }), [project, callId]);
  const members = useLoad(() => api(MembershipService).listProjectMembers({ projectId: project }), [project]);
  const names = new Map((members.data?.memberships ?? []).map((m) => [m.accountId, m.displayName]));
  const [me, setMe] = useState<string | null>(null);
  const [participants, setParticipants] = useState<Map<string, Participant>>(new Map());
  const [states, setStates] = useState<Record<string, string>>({});
  const [media, setMedia] = useState<MediaState>({ mic: true, camera: true, screenShare: false, handRaised: false } as MediaState);
  const [error, setError] = useState<unknown>(null);
  const [noMedia, setNoMedia] = useState(false);
  const [ended, setEnded] = useState<string | null>(null);
  const [, bump] = useState(0);
  const local = useRef<MediaStream | null>(null);
  const peers = useRef(new Map<string, Peer>());
  const abort = useRef<AbortController | null>(null);
  const meRef = useRef<string | null>(null);
  const video = api(VideoService);

  const leave = async (tell = true) => {
    abort.current?.abort();
    abort.current = null;
    for (const p of peers.current.values()) p.pc.close();
    peers.current.clear();
    local.current?.getTracks().forEach((tr) => tr.stop());
    local.current = null;
    const self = meRef.current;
    meRef.current = null;
    if (tell && self) await video.leaveCall({ projectId: project, callId, participantId: self }).catch(() => {});
    setMe(null);
    setParticipants(new Map());
    setStates({});
  };
  // Leaving the page leaves the call.
  useEffect(() => () => void leave(), []);

  const join = async () => {
    setError(null);
    setEnded(null);
    try {
      try {
        local.current = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      } catch {
        setNoMedia(true);
        local.current = null;
      }
      const state = { mic: media.mic && !!local.current, camera: media.camera && !!local.current, screenShare: false, handRaised: false };
      local.current?.getAudioTracks().forEach((tr) => (tr.enabled = state.mic));
      local.current?.getVideoTracks().forEach((tr) => (tr.enabled = state.camera));
      setMedia(state as MediaState);
      const { iceServers } = await video.getIceServers({ projectId: project });
      const config: RTCConfiguration = { iceServers: iceServers.map((s) => ({ urls: s.urls, username: s.username || undefined, credential: s.credential || undefined })) };
      const joined = await video.joinCall({ projectId: project, callId, state });
      const self = joined.participant!.id;
      meRef.current = self;
      setMe(self);
      const ctl = new AbortController();
      abort.current = ctl;

      const peer = (other: string): Peer => {
        let p = peers.current.get(other);
        if (p) return p;
        const pc = new RTCPeerConnection(config);
        p = { pc, stream: new MediaStream(), pending: [] };
        peers.current.set(other, p);
        local.current?.getTracks().forEach((tr) => pc.addTrack(tr, local.current!));
        pc.ontrack = (e) => {
          p!.stream.addTrack(e.track);
          bump((n) => n + 1);
        };
        pc.onicecandidate = (e) => {
          if (!e.candidate) return;
          video
            .signal({
              projectId: project,
              callId,
              participantId: self,
              toParticipantId: other,
              kind: SignalKind.ICE_CANDIDATE,
              candidate: {
                candidate: e.candidate.candidate,
                sdpMid: e.candidate.sdpMid ?? "",
                sdpMLineIndex: e.candidate.sdpMLineIndex ?? 0,
                usernameFragment: e.candidate.usernameFragment ?? "",
              },
            })
            .catch(() => {});
        };
        pc.onconnectionstatechange = () => setStates((s) => ({ ...s, [other]: pc.connectionState }));
        return p;
      };
      const offer = async (other: string) => {
        const { pc } = peer(other);
        if (!local.current) {
          pc.addTransceiver("audio", { direction: "recvonly" });
          pc.addTransceiver("video", { direction: "recvonly" });
        }
        await pc.setLocalDescription(await pc.createOffer());
        await video.signal({ projectId: project, callId, participantId: self, toParticipantId: other, kind: SignalKind.OFFER, sdp: pc.localDescription!.sdp });
      };
      const flush = async (p: Peer) => {
        for (const c of p.pending.splice(0)) await p.pc.addIceCandidate(c).catch(() => {});
      };
      const onEvent = async (ev: CallEvent) => {
        const k = ev.kind;
        switch (k.case) {
          case "welcome": {
            const list = new Map(k.value.participants.map((x) => [x.id, x]));
            setParticipants(list);
            for (const other of list.keys()) if (other !== self) await offer(other);
            break;
          }
          case "joined":
          case "updated":
            setParticipants((m) => new Map(m).set(k.value.id, k.value));
            break;
          case "left":
            peers.current.get(k.value.participantId)?.pc.close();
            peers.current.delete(k.value.participantId);
            setParticipants((m) => {
              const n = new Map(m);
              n.delete(k.value.participantId);
              return n;
            });
            break;
          case "closed":
            setEnded(t("calls-closed"));
            await leave(false);
            break;
          case "signal": {
            const s = k.value;
            const p = peer(s.fromParticipantId);
            if (s.kind === SignalKind.OFFER) {
              await p.pc.setRemoteDescription({ type: "offer", sdp: s.sdp });
              await flush(p);
              await p.pc.setLocalDescription(await p.pc.createAnswer());
              await video.signal({ projectId: project, callId, participantId: self, toParticipantId: s.fromParticipantId, kind: SignalKind.ANSWER, sdp: p.pc.localDescription!.sdp });
            } else if (s.kind === SignalKind.ANSWER) {
              await p.pc.setRemoteDescription({ type: "answer", sdp: s.sdp });
              await flush(p);
            } else if (s.kind === SignalKind.ICE_CANDIDATE && s.candidate) {
              const c: RTCIceCandidateInit = {
                candidate: s.candidate.candidate,
                sdpMid: s.candidate.sdpMid || null,
                sdpMLineIndex: s.candidate.sdpMLineIndex,
                usernameFragment: s.candidate.usernameFragment || null,
              };
              if (p.pc.remoteDescription) await p.pc.addIceCandidate(c).catch(() => {});
              else p.pending.push(c);
            }
            break;
          }
        }
      };
      (async () => {
        try {
          for await (const ev of video.connectParticipant({ projectId: project, callId, participantId: self }, { signal: ctl.signal })) {
            await onEvent(ev).catch((e) => console.warn("call event", e));
          }
          if (!ctl.signal.aborted) setEnded(t("calls-disconnected"));
        } catch (e) {
          if (!ctl.signal.aborted) setEnded(describeError(e));
        }
        if (!ctl.signal.aborted) await leave(false);
      })();
    } catch (e) {
      setError(e);
      await leave(false);
    }
  };

  const update = async (patch: Partial<MediaState>) => {
    const next = { ...media, ...patch } as MediaState;
    local.current?.getAudioTracks().forEach((tr) => (tr.enabled = next.mic));
    local.current?.getVideoTracks().forEach((tr) => (tr.enabled = next.camera || next.screenShare));
    setMedia(next);
    if (me) await video.updateState({ projectId: project, callId, participantId: me, state: next }).catch(setError);
  };

  const shareScreen = async () => {
    if (media.screenShare) {
      const cam = local.current?.getVideoTracks()[0] ?? null;
      for (const p of peers.current.values()) p.pc.getSenders().filter((s) => s.track?.kind === "video" || s.track === null).forEach((s) => s.replaceTrack(cam));
      return update({ screenShare: false });
    }
    try {
      const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = screen.getVideoTracks()[0];
      for (const p of peers.current.values()) p.pc.getSenders().filter((s) => s.track?.kind === "video").forEach((s) => s.replaceTrack(track));
      track.onended = () => void shareScreen();
      await update({ screenShare: true });
    } catch (e) {
      setError(e);
    }
  };

  const close = useSubmit(async () => {
    await video.closeCall({ projectId: project, callId });
    info.reload();
  });

  const c = info.data?.call;
  if (info.loading && !info.data) return <Loading />;
  if (info.error) return <ErrorNote error={info.error} retry={info.reload} />;
  const others = [...participants.values()].filter((p) => p.id !== me);
  const name = (p: Participant) => names.get(p.accountId) ?? t("chat-someone");
  return (
    <div>
      <PageTitle>{c?.title ?? ""}</PageTitle>
      {c?.state === CallState.CLOSED ? (
        <p class="notice">{t("calls-closed")}</p>
      ) : !me ? (
        <div class="card">
          <p>{t("calls-in-call", { count: info.data?.participants.length ?? 0 })}</p>
          <label class="check">
            <input type="checkbox" checked={media.mic} onChange={(e) => setMedia({ ...media, mic: e.currentTarget.checked } as MediaState)} /> {t("calls-mic")}
          </label>
          <label class="check">
            <input type="checkbox" checked={media.camera} onChange={(e) => setMedia({ ...media, camera: e.currentTarget.checked } as MediaState)} /> {t("calls-camera")}
          </label>
          {ended && <p class="notice">{ended}</p>}
          <button type="button" class="primary" onClick={join}>
            {t("calls-join")}
          </button>{" "}
          {(isProjectAdmin.value || c?.createdBy === account.value?.id) && (
            <button type="button" class="danger" disabled={close.busy} onClick={() => close.run()}>
              {t("calls-end")}
            </button>
          )}
        </div>
      ) : (
        <>
          {noMedia && <p class="notice">{t("calls-no-media")}</p>}
          <div class="controls" role="toolbar" aria-label={t("calls-controls")}>
            <button type="button" aria-pressed={media.mic} disabled={noMedia} onClick={() => update({ mic: !media.mic })}>
              {media.mic ? t("calls-mute") : t("calls-unmute")}
            </button>
            <button type="button" aria-pressed={media.camera} disabled={noMedia} onClick={() => update({ camera: !media.camera })}>
              {media.camera ? t("calls-camera-off") : t("calls-camera-on")}
            </button>
            <button type="button" aria-pressed={media.screenShare} onClick={shareScreen}>
              {media.screenShare ? t("calls-stop-share") : t("calls-share")}
            </button>
            <button type="button" aria-pressed={media.handRaised} onClick={() => update({ handRaised: !media.handRaised })}>
              {media.handRaised ? t("calls-lower-hand") : t("calls-raise-hand")}
            </button>
            <button type="button" class="danger" onClick={() => leave()}>
              {t("calls-leave")}
            </button>
          </div>
          <ul class="plain tiles video-grid" aria-label={t("calls-participants-label")}>
            <li class="tile" data-me="true">
              <VideoEl stream={local.current} muted />
              <span>
                {t("calls-you")} {media.handRaised && "✋"}
              </span>
            </li>
            {others.map((p) => (
              <li class="tile" data-participant={p.id} data-state={states[p.id] ?? "new"}>
                <VideoEl stream={peers.current.get(p.id)?.stream ?? null} />
                <span>
                  {name(p)} {p.state?.handRaised && "✋"} {p.state && !p.state.mic && <span class="muted">{t("calls-muted")}</span>}{" "}
                  <span class="muted">{t(`calls-peer-${states[p.id] ?? "new"}`)}</span>
                </span>
              </li>
            ))}
          </ul>
          {others.length === 0 && <p class="muted">{t("calls-alone")}</p>}
        </>
      )}
      <ErrorNote error={error ?? close.error} />
      <p>
        <a href={`/p/${project}/calls`}>{t("calls-all")}</a>
        {c && <span class="muted"> · {t("created-at", { when: fmtTime(c.createdAtMs) })}</span>}
      </p>
    </div>
  );
}

function VideoEl({ stream, muted }: { stream: MediaStream | null; muted?: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  });
  return <video ref={ref} autoplay playsInline muted={muted} />;
}
