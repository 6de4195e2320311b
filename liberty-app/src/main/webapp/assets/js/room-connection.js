// One participant's WebSocket to a room: joins on every open, reconnects with backoff when the connection drops,
// and notices a connection that died silently (a laptop lid, a lost Wi-Fi) by its missing pong. Each connection opens
// with a one-time ticket (POST /auth/ws-ticket), so the long-lived token never goes into a URL.
import { api } from './api.js';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;
const PING_EVERY_MS = 20_000;
// No frame at all for this long after a ping means the connection is gone even if the browser has not noticed.
const SILENCE_LIMIT_MS = 30_000;

/** Close codes after which trying again cannot help: the user must act (or the room is gone). */
const FINAL_CLOSES = {
  4401: 'EXPIRED',
  4403: 'REFUSED',
  4404: 'ROOM_GONE',
};

export class RoomConnection {
  /**
   * @param roomId the room's code
   * @param token the user's JWT
   * @param invite the invitation key of an invite-only room's link, if any
   * @param join the payload of room.join.v1 ({displayName, role})
   * @param onFrame called with every server frame
   * @param onStatus called with {state: 'connecting'|'joined'|'reconnecting'|'closed', ...}
   */
  constructor({ roomId, token, invite, join, onFrame, onStatus }) {
    Object.assign(this, { roomId, token, invite, join, onFrame, onStatus });
    this.attempt = 0;
    this.requests = 0;
    this.stopped = false;
    window.addEventListener('online', () => this.retryNow());
    // The browser knows at once when the network is gone; the socket may take a minute to notice.
    window.addEventListener('offline', () => this.lostNetwork());
  }

  open() {
    this.stopped = false;
    this.connect();
  }

  /** Sends a client message and returns its requestId. */
  send(type, payload = {}) {
    const requestId = `r${++this.requests}`;
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ type, requestId, payload }));
    }
    return requestId;
  }

  /** Ends the connection for good (leaving the room, or a final close). */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.detach()?.close(1000);
  }

  async connect() {
    clearTimeout(this.retryTimer);
    this.onStatus({ state: this.attempt === 0 ? 'connecting' : 'reconnecting', attempt: this.attempt });
    this.socket = null;
    this.fetchingTicket = true;
    let ticket;
    try {
      ({ ticket } = await api('/auth/ws-ticket', { method: 'POST', token: this.token }));
    } catch (error) {
      // A refused token is final, as a 4401 close would be; anything else (offline, busy) is retried.
      this.closed(error.status === 401 ? 4401 : 1006);
      return;
    } finally {
      this.fetchingTicket = false;
    }
    if (this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const query = new URLSearchParams({ ticket });
    if (this.invite) query.set('invite', this.invite);
    const socket = new WebSocket(`${scheme}://${location.host}/ws/room/${encodeURIComponent(this.roomId)}?${query}`);
    this.socket = socket;
    socket.onopen = () => {
      this.lastHeard = Date.now();
      socket.send(JSON.stringify({ type: 'room.join.v1', requestId: 'join', payload: this.join }));
      this.heartbeat = setInterval(() => this.checkAlive(), PING_EVERY_MS);
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === 'room.state.v1') {
        this.attempt = 0;
        this.onStatus({ state: 'joined' });
      }
      this.onFrame(frame);
    };
    socket.onclose = (event) => {
      this.detach();
      this.closed(event.code);
    };
  }

  checkAlive() {
    if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
      this.detach()?.close();
      this.closed(1006);
      return;
    }
    this.send('ping.v1');
  }

  closed(code) {
    if (this.stopped) return;
    const final = FINAL_CLOSES[code];
    if (final) {
      this.stopped = true;
      this.onStatus({ state: 'closed', code, reason: final });
      return;
    }
    // Exponential backoff with jitter, so a whole team dropped by one network blip does not return in lockstep.
    const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt);
    const delay = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
    this.attempt += 1;
    this.onStatus({ state: 'reconnecting', attempt: this.attempt, delay });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  lostNetwork() {
    if (this.stopped || !this.socket) return;
    this.detach().close();
    this.closed(1006);
  }

  retryNow() {
    if (!this.stopped && !this.socket && !this.fetchingTicket) this.connect();
  }

  /** Unhooks the current socket so its late events are ignored; returns it. */
  detach() {
    clearInterval(this.heartbeat);
    const socket = this.socket;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
    }
    this.socket = null;
    return socket;
  }
}
