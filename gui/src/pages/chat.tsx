// Chat of a project: rooms with unread and mention badges, messages (live through WatchRoom,
// resumed after breaks), threads, reactions, edits, deletes and the typing indicator.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, account } from "../api";
import { ChatService, Direction, type RoomsEvent } from "../gen/orbit/chat/v1/chat_service_pb";
import { RoomKind, type Message, type Room, type RoomEvent, type RoomSummary } from "../gen/orbit/chat/v1/chat_pb";
import type { Membership } from "../gen/orbit/system/v1/tenancy_pb";
import { MembershipService } from "../gen/orbit/system/v1/membership_service_pb";
import { FederationService } from "../gen/orbit/federation/v1/federation_service_pb";
import { navigate } from "../router";
import { t, fmtTime } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, useLoad, Loading, Empty, SharedMark } from "../ui";
import { follow } from "../stream";
import { isProjectAdmin, currentProject, orgId } from "../state";
import { Role } from "../gen/orbit/system/v1/access_pb";

const EMOJIS = ["👍", "🎉", "❤️", "😄", "👀"];

export function Chat({ project, room }: { project: string; room?: string }) {
  const rooms = useLoad(() => api(ChatService).listRooms({ projectId: project, includeArchived: true }), [project]);
  // Everyone who may be in the project's rooms: its members and the org's admins.
  const members = useLoad(async () => {
    const [pm, om] = await Promise.all([
      api(MembershipService).listProjectMembers({ projectId: project }),
      orgId.value ? api(MembershipService).listOrgMembers({ orgId: orgId.value }).catch(() => null) : null,
    ]);
    const all = new Map<string, Membership>();
    for (const m of [...pm.memberships, ...(om?.memberships ?? []).filter((m) => m.role === Role.ORG_ADMIN)]) {
      if (!all.has(m.accountId)) all.set(m.accountId, m);
    }
    return { memberships: [...all.values()] };
  }, [project, orgId.value]);
  // People of linked instances who wrote here (federation): shown as name@<their DID>.
  const people = useLoad(() => api(FederationService).listPeople({ projectId: project }).catch(() => null), [project]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of people.data?.people ?? []) {
      m.set(p.accountId, p.did ? `${p.displayName}@${p.did.slice(8, 16)}…` : p.displayName);
    }
    for (const x of members.data?.memberships ?? []) m.set(x.accountId, x.displayName);
    return m;
  }, [members.data, people.data]);
  // Unread and mention counts of every room, live (WatchRooms): changes are laid over the
  // listed rooms until the next listing; each (re)connection, once live (registered at the
  // server), lists the rooms again, so nothing that happened while the stream was down is missed.
  const [patch, setPatch] = useState<Map<string, RoomSummary | null>>(new Map());
  useEffect(() => setPatch(new Map()), [rooms.data]);
  // Whether the room list's and the open room's watches are live: the page's `data-live`.
  const [roomsLive, setRoomsLive] = useState(false);
  const [roomLive, setRoomLive] = useState(false);
  useEffect(() => {
    const f = follow<RoomsEvent>({
      open: (_after, signal) => api(ChatService).watchRooms({ projectId: project }, { signal }),
      seq: () => undefined,
      onLive: (on) => {
        setRoomsLive(on);
        if (on) rooms.reload();
      },
      onItem: (ev) => {
        if (ev.kind.case === "changed") {
          const s = ev.kind.value;
          if (s.room) setPatch((p) => new Map(p).set(s.room!.id, s));
        } else if (ev.kind.case === "gone") {
          const id = ev.kind.value;
          setPatch((p) => new Map(p).set(id, null));
        }
      },
    });
    return () => {
      f.stop();
      setRoomsLive(false);
    };
  }, [project, rooms.reload]);
  const list = useMemo(() => {
    const base = rooms.data?.rooms ?? [];
    const seen = new Set(base.map((r) => r.room!.id));
    const merged = base.map((r) => (patch.has(r.room!.id) ? patch.get(r.room!.id) : r));
    for (const [id, s] of patch) if (!seen.has(id) && s) merged.push(s);
    return merged.filter((r): r is RoomSummary => !!r);
  }, [rooms.data, patch]);
  const me = account.value?.id;
  const roomName = (r: Room) =>
    r.kind === RoomKind.DIRECT ? r.memberIds.filter((x) => x !== me).map((x) => names.get(x) ?? t("chat-someone")).join(", ") || r.name : r.name;
  useEffect(() => {
    if (!room && list.length > 0) navigate(`/p/${project}/chat/${list[0].room!.id}`, true);
  }, [room, list.length]);
  const current = list.find((r) => r.room?.id === room);
  return (
    <div class="chat" data-live={String(roomsLive && (room ? !!current && roomLive : true))}>
      <section class="rooms" aria-labelledby="rooms-h">
        <h2 id="rooms-h">{t("chat-rooms")}</h2>
        {rooms.loading && !rooms.data ? (
          <Loading />
        ) : rooms.error ? (
          <ErrorNote error={rooms.error} retry={rooms.reload} />
        ) : list.length === 0 ? (
          <Empty>{t("chat-no-rooms")}</Empty>
        ) : (
          <ul class="plain room-list">
            {list.map((r) => (
              <li>
                <a href={`/p/${project}/chat/${r.room!.id}`} aria-current={r.room!.id === room ? "page" : undefined}>
                  <span>
                    {r.room!.kind === RoomKind.PRIVATE ? "🔒 " : r.room!.kind === RoomKind.DIRECT ? "@ " : "# "}
                    {roomName(r.room!)}
                    {r.room!.archived && <span class="muted"> {t("chat-archived")}</span>}
                  </span>
                  {r.mentions > 0n && (
                    <span class="badge mention" title={t("chat-mentions", { count: Number(r.mentions) })}>
                      @{String(r.mentions)}
                      <span class="sr-only"> {t("chat-mentions", { count: Number(r.mentions) })}</span>
                    </span>
                  )}
                  {r.unread > 0n && r.room!.id !== room && (
                    <span class="badge">
                      {String(r.unread)}
                      <span class="sr-only"> {t("chat-unread", { count: Number(r.unread) })}</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        )}
        <NewRoom project={project} onCreated={(id) => { rooms.reload(); navigate(`/p/${project}/chat/${id}`); }} />
        <Direct project={project} members={(members.data?.memberships ?? []).filter((m) => m.accountId !== me)} onOpened={(id) => { rooms.reload(); navigate(`/p/${project}/chat/${id}`); }} />
      </section>
      {current ? (
        <RoomView key={current.room!.id} project={project} room={current.room!} roomId={current.room!.id} name={roomName(current.room!)} topic={current.room!.topic} names={names} onRead={rooms.reload} onChanged={rooms.reload} onLive={setRoomLive} />
      ) : (
        <div class="room">
          <PageTitle>{t("chat-page-title", { project: currentProject.value?.name ?? "" })}</PageTitle>
          <SharedMark long />
          {rooms.data && list.length === 0 && <p>{t("chat-create-first")}</p>}
        </div>
      )}
    </div>
  );
}

function NewRoom({ project, onCreated }: { project: string; onCreated: (id: string) => void }) {
  const [name, setName] = useState("");
  const [priv, setPriv] = useState(false);
  const s = useSubmit(async () => {
    const { room } = await api(ChatService).createRoom({
      projectId: project,
      name,
      kind: priv ? RoomKind.PRIVATE : RoomKind.PUBLIC,
    });
    setName("");
    onCreated(room!.id);
  });
  return (
    <form
      class="new-room"
      aria-label={t("chat-new-room")}
      onSubmit={(e) => {
        e.preventDefault();
        s.run();
      }}
    >
      <Field label={t("chat-room-name")} name="name" required maxLength={100} value={name} error={s.fields.name} onInput={(e) => setName(e.currentTarget.value)} />
      <label class="check">
        <input type="checkbox" checked={priv} onChange={(e) => setPriv(e.currentTarget.checked)} /> {t("chat-private")}
      </label>
      <ErrorNote error={s.error} />
      <button type="submit" disabled={s.busy}>
        {t("chat-create-room")}
      </button>
    </form>
  );
}

function Direct({ project, members, onOpened }: { project: string; members: Membership[]; onOpened: (id: string) => void }) {
  const [who, setWho] = useState("");
  const s = useSubmit(async () => {
    const { room } = await api(ChatService).openDirect({ projectId: project, accountId: who });
    onOpened(room!.id);
  });
  if (members.length === 0) return null;
  return (
    <form
      class="new-room"
      aria-label={t("chat-direct")}
      onSubmit={(e) => {
        e.preventDefault();
        if (who) s.run();
      }}
    >
      <div class="field">
        <label for="direct-with">{t("chat-direct-with")}</label>
        <select id="direct-with" value={who} onChange={(e) => setWho(e.currentTarget.value)}>
          <option value="">{t("chat-choose-person")}</option>
          {members.map((m) => (
            <option value={m.accountId}>{m.displayName}</option>
          ))}
        </select>
      </div>
      <ErrorNote error={s.error} />
      <button type="submit" disabled={s.busy || !who}>
        {t("chat-direct-open")}
      </button>
    </form>
  );
}

/** Topic, name, archive and (private rooms) members, behind a disclosure. */
function RoomSettings({ project, room, names, onChanged }: { project: string; room: Room; names: Map<string, string>; onChanged: () => void }) {
  const [topic, setTopic] = useState(room.topic);
  const [name, setName] = useState(room.name);
  const [invitee, setInvitee] = useState("");
  const chat = api(ChatService);
  const me = account.value?.id;
  const mayManage = room.createdBy === me || isProjectAdmin.value;
  const s = useSubmit(async (f: () => Promise<unknown>) => {
    await f();
    onChanged();
  });
  const base = { projectId: project, roomId: room.id };
  const others = [...names.entries()].filter(([id]) => !room.memberIds.includes(id));
  return (
    <details class="room-settings">
      <summary>{t("chat-room-settings")}</summary>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          s.run(() => chat.setTopic({ ...base, topic }));
        }}
      >
        <Field label={t("chat-topic")} name="topic" maxLength={500} value={topic} error={s.fields.topic} onInput={(e) => setTopic(e.currentTarget.value)} />
        <button type="submit" disabled={s.busy || room.archived}>
          {t("action-save")}
        </button>
      </form>
      {mayManage && room.kind !== RoomKind.DIRECT && (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            s.run(() => chat.renameRoom({ ...base, name }));
          }}
        >
          <Field label={t("chat-room-name")} name="name" required maxLength={100} value={name} error={s.fields.name} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit" disabled={s.busy || room.archived}>
            {t("action-save")}
          </button>
        </form>
      )}
      {room.kind === RoomKind.PRIVATE && (
        <section aria-labelledby="room-members-h">
          <h3 id="room-members-h">{t("chat-room-members")}</h3>
          <ul class="plain">
            {room.memberIds.map((id) => (
              <li>
                {names.get(id) ?? t("chat-someone")}{" "}
                {id === me ? (
                  <button type="button" class="link danger" disabled={s.busy} onClick={() => s.run(() => chat.leaveRoom(base))}>
                    {t("chat-leave-room")}
                  </button>
                ) : (
                  <button type="button" class="link danger" disabled={s.busy} onClick={() => s.run(() => chat.removeMember({ ...base, accountId: id }))}>
                    {t("action-remove")}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {others.length > 0 && (
            <form
              class="inline"
              onSubmit={(e) => {
                e.preventDefault();
                if (invitee) s.run(() => chat.inviteMember({ ...base, accountId: invitee }));
              }}
            >
              <div class="field">
                <label for="room-invitee">{t("chat-add-to-room")}</label>
                <select id="room-invitee" value={invitee} onChange={(e) => setInvitee(e.currentTarget.value)}>
                  <option value="">{t("chat-choose-person")}</option>
                  {others.map(([id, n]) => (
                    <option value={id}>{n}</option>
                  ))}
                </select>
              </div>
              <button type="submit" disabled={s.busy || !invitee}>
                {t("action-add")}
              </button>
            </form>
          )}
        </section>
      )}
      {mayManage && !room.archived && room.kind !== RoomKind.DIRECT && (
        <p>
          <button type="button" class="danger" disabled={s.busy} onClick={() => s.run(() => chat.archiveRoom(base))}>
            {t("chat-archive-room")}
          </button>
        </p>
      )}
      <ErrorNote error={s.error} />
    </details>
  );
}

function upsert(list: Message[], m: Message): Message[] {
  const i = list.findIndex((x) => x.id === m.id);
  if (i >= 0) {
    if (list[i].version > m.version) return list;
    const copy = list.slice();
    copy[i] = m;
    return copy;
  }
  const copy = [...list, m];
  copy.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  return copy;
}

function RoomView(props: {
  project: string;
  room: Room;
  roomId: string;
  name: string;
  topic: string;
  names: Map<string, string>;
  onRead: () => void;
  onChanged: () => void;
  /** Whether the room's watch is live (stable: a state setter). */
  onLive: (live: boolean) => void;
}) {
  const { project, roomId, names } = props;
  const [messages, setMessages] = useState<Message[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [typing, setTyping] = useState<Map<string, number>>(new Map());
  const [thread, setThread] = useState<string | null>(null);
  const me = account.value?.id;
  const listRef = useRef<HTMLOListElement>(null);
  const chat = api(ChatService);

  useEffect(() => {
    let live = true;
    // The newest page of messages, merged by id (and version) with what the watch brought.
    const readNewest = () =>
      chat.listMessages({ projectId: project, roomId, direction: Direction.BACKWARD, pageSize: 50 }).then((res) => {
        if (live) setMessages((l) => res.messages.reduce(upsert, l));
        return res;
      });
    // The watch (from now) and the newest page at once, for a quick first view; read again
    // once the watch is live (registered at the server, its first heartbeat came): a message
    // posted before that arrives through the second read, one posted after through the watch,
    // and merging by id makes it appear once. (A stream resumed after its last position loses
    // nothing; one reopened from now after a break is live again, and read again, likewise.)
    const f = follow<RoomEvent>({
      open: (after, signal) =>
        chat.watchRoom(
          { projectId: project, roomId, start: after === undefined ? { case: "fromNow", value: true } : { case: "afterSeq", value: after } },
          { signal },
        ),
      seq: (ev) => (ev.kind.case === "heartbeat" ? ev.kind.value.headSeq : ev.kind.case === "typing" ? undefined : ev.seq),
      onLive: (on) => {
        if (!live) return;
        props.onLive(on);
        if (on) readNewest().catch(() => {});
      },
      onItem: (ev) => {
        switch (ev.kind.case) {
          case "posted":
          case "edited":
          case "deleted":
          case "reacted": {
            const m = ev.kind.value;
            setMessages((l) => upsert(l, m));
            if (ev.kind.case === "posted") {
              setTyping((tp) => {
                if (!tp.has(m.authorId)) return tp;
                const n = new Map(tp);
                n.delete(m.authorId);
                return n;
              });
              if (document.visibilityState === "visible") chat.markRead({ projectId: project, roomId, seq: m.seq }).then(props.onRead, () => {});
            }
            break;
          }
          case "typing": {
            const who = ev.kind.value.accountId;
            if (who !== me) setTyping((tp) => new Map(tp).set(who, Date.now()));
            break;
          }
        }
      },
      onFatal: (e) => live && setError(e),
    });
    readNewest()
      .then((res) => {
        if (!live) return;
        setMore(res.more);
        setLoading(false);
        if (res.lastSeq > 0n) chat.markRead({ projectId: project, roomId, seq: 0n }).then(props.onRead, () => {});
      })
      .catch((e) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      });
    const sweep = setInterval(() => {
      setTyping((tp) => {
        const now = Date.now();
        const n = new Map([...tp].filter(([, at]) => now - at < 6000));
        return n.size === tp.size ? tp : n;
      });
    }, 1000);
    return () => {
      live = false;
      f.stop();
      clearInterval(sweep);
      props.onLive(false);
    };
  }, [project, roomId]);

  // Keep the newest message in view.
  const lastId = messages[messages.length - 1]?.id;
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId]);

  const loadOlder = async () => {
    const first = messages[0];
    if (!first) return;
    const res = await chat.listMessages({ projectId: project, roomId, seq: first.seq, direction: Direction.BACKWARD, pageSize: 50 });
    setMessages((l) => res.messages.reduce(upsert, l));
    setMore(res.more);
  };

  const top = messages.filter((m) => !m.replyTo);
  const replies = (id: string) => messages.filter((m) => m.replyTo === id);
  const typers = [...typing.keys()].map((id) => names.get(id) ?? t("chat-someone"));
  const threadRoot = thread ? messages.find((m) => m.id === thread) : null;

  return (
    <div class="room">
      <PageTitle>
        {props.room.kind === RoomKind.DIRECT ? "@" : "#"} {props.name}
      </PageTitle>
      <SharedMark long />
      {props.topic && <p class="muted">{props.topic}</p>}
      <RoomSettings key={`${props.room.id}-${props.room.version}`} project={project} room={props.room} names={names} onChanged={props.onChanged} />
      {props.room.archived && <p class="notice">{t("chat-archived-note")}</p>}
      <ErrorNote error={error} />
      <div class="room-body">
        <div class="timeline">
          {more && (
            <button type="button" class="link" onClick={loadOlder}>
              {t("chat-older")}
            </button>
          )}
          {loading ? (
            <Loading />
          ) : top.length === 0 ? (
            <Empty>{t("chat-empty-room")}</Empty>
          ) : null}
          <ol class="messages" ref={listRef} aria-label={t("chat-messages")} aria-live="polite">
            {top.map((m) => (
              <MessageItem key={m.id} m={m} me={me} names={names} project={project} replies={replies(m.id).length} onThread={() => setThread(m.id)} />
            ))}
          </ol>
          <p class="typing muted" aria-live="polite">
            {typers.length > 0 ? t("chat-typing", { names: typers.join(", "), count: typers.length }) : ""}
          </p>
          {!props.room.archived && <Composer project={project} roomId={roomId} label={t("chat-message-to", { room: props.name })} />}
        </div>
        {threadRoot && (
          <aside class="thread" aria-labelledby="thread-h">
            <div class="thread-head">
              <h2 id="thread-h">{t("chat-thread")}</h2>
              <button type="button" onClick={() => setThread(null)} aria-label={t("action-close")}>
                ✕
              </button>
            </div>
            <Thread root={threadRoot} live={replies(threadRoot.id)} me={me} names={names} project={project} roomId={roomId} />
          </aside>
        )}
      </div>
    </div>
  );
}

function Thread(props: { root: Message; live: Message[]; me?: string; names: Map<string, string>; project: string; roomId: string }) {
  const { root, project } = props;
  const loaded = useLoad(() => api(ChatService).listReplies({ projectId: project, messageId: root.id, pageSize: 200 }), [root.id]);
  const all = [...(loaded.data?.messages ?? []), ...props.live].reduce(upsert, [] as Message[]);
  return (
    <>
      <ol class="messages">
        <MessageItem m={root} me={props.me} names={props.names} project={project} replies={0} />
      </ol>
      {loaded.loading && !loaded.data ? <Loading /> : <ErrorNote error={loaded.error} retry={loaded.reload} />}
      <ol class="messages replies" aria-label={t("chat-replies")}>
        {all.map((m) => (
          <MessageItem key={m.id} m={m} me={props.me} names={props.names} project={project} replies={0} />
        ))}
      </ol>
      <Composer project={project} roomId={props.roomId} replyTo={root.id} label={t("chat-reply-label")} />
    </>
  );
}

function MessageItem(props: { m: Message; me?: string; names: Map<string, string>; project: string; replies: number; onThread?: () => void }) {
  const { m, me, project } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(m.text);
  const [picker, setPicker] = useState(false);
  const chat = api(ChatService);
  const act = useSubmit(async (f: () => Promise<unknown>) => {
    await f();
  });
  const author = props.names.get(m.authorId) ?? t("chat-someone");
  if (m.deleted) {
    return (
      <li class="message deleted">
        <em>{t("chat-deleted")}</em>
      </li>
    );
  }
  const mine = m.authorId === me;
  const react = (emoji: string) => {
    const has = m.reactions.find((r) => r.emoji === emoji)?.accountIds.includes(me ?? "");
    act.run(() =>
      has ? chat.removeReaction({ projectId: project, messageId: m.id, emoji }) : chat.addReaction({ projectId: project, messageId: m.id, emoji }),
    );
    setPicker(false);
  };
  return (
    <li class={`message${me && m.mentionIds.includes(me) ? " mentions-me" : ""}`} data-seq={String(m.seq)}>
      <div class="meta">
        <strong>{author}</strong> <time class="muted">{fmtTime(m.createdAtMs)}</time>
        {m.editedAtMs > 0n && <span class="muted"> {t("chat-edited")}</span>}
      </div>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act.run(async () => {
              await chat.editMessage({ projectId: project, messageId: m.id, text });
              setEditing(false);
            });
          }}
        >
          <Field label={t("chat-edit-label")} name="text" value={text} required onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="primary" disabled={act.busy}>
            {t("action-save")}
          </button>{" "}
          <button type="button" onClick={() => setEditing(false)}>
            {t("action-cancel")}
          </button>
        </form>
      ) : (
        <p class="text">{m.text}</p>
      )}
      <div class="reactions">
        {m.reactions.map((r) => (
          <button
            type="button"
            class={`reaction${me && r.accountIds.includes(me) ? " mine" : ""}`}
            aria-pressed={me ? r.accountIds.includes(me) : false}
            aria-label={t("chat-reaction", { emoji: r.emoji, count: r.count })}
            onClick={() => react(r.emoji)}
          >
            {r.emoji} {r.count}
          </button>
        ))}
        <button type="button" class="link" aria-expanded={picker} onClick={() => setPicker(!picker)}>
          {t("chat-react")}
        </button>
        {picker &&
          EMOJIS.map((e) => (
            <button type="button" class="reaction" aria-label={t("chat-react-with", { emoji: e })} onClick={() => react(e)}>
              {e}
            </button>
          ))}
        {props.onThread && (
          <button type="button" class="link" onClick={props.onThread}>
            {props.replies > 0 ? t("chat-replies-count", { count: props.replies }) : t("chat-reply")}
          </button>
        )}
        {mine && !editing && (
          <button type="button" class="link" onClick={() => { setText(m.text); setEditing(true); }}>
            {t("action-edit")}
          </button>
        )}
        {(mine || isProjectAdmin.value) && (
          <button type="button" class="link danger" onClick={() => act.run(() => chat.deleteMessage({ projectId: project, messageId: m.id }))}>
            {t("action-delete")}
          </button>
        )}
      </div>
      <ErrorNote error={act.error} />
    </li>
  );
}

function Composer({ project, roomId, replyTo, label }: { project: string; roomId: string; replyTo?: string; label: string }) {
  const [text, setText] = useState("");
  const lastTyping = useRef(0);
  const key = useRef(crypto.randomUUID());
  const s = useSubmit(async () => {
    const body = text.trim();
    if (!body) return;
    await api(ChatService).postMessage({ projectId: project, roomId, text: body, replyTo: replyTo ?? "", idempotencyKey: key.current });
    key.current = crypto.randomUUID();
    lastTyping.current = 0; // the post ended the typing notice: the next keystroke sends one
    setText("");
  });
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        s.run();
      }}
    >
      <label class="sr-only" for={`composer-${replyTo ?? "room"}`}>
        {label}
      </label>
      <textarea
        id={`composer-${replyTo ?? "room"}`}
        rows={2}
        value={text}
        placeholder={label}
        onInput={(e) => {
          setText(e.currentTarget.value);
          // Another text is another message: a key of its own, so a post sent while the last
          // one is still on its way is not taken for a retry of it.
          key.current = crypto.randomUUID();
          const now = Date.now();
          if (now - lastTyping.current > 3000) {
            lastTyping.current = now;
            api(ChatService).sendTyping({ projectId: project, roomId }).catch(() => {});
          }
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            s.run();
          }
        }}
      />
      <button type="submit" class="primary" disabled={s.busy}>
        {t("chat-send")}
      </button>
      <ErrorNote error={s.error} />
      {s.fields.text && <small class="field-error">{s.fields.text}</small>}
    </form>
  );
}
