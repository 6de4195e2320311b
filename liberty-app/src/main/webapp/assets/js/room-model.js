// What this browser knows of a room: the last room.state.v1 plus the room events after it, in seq order.
// A gap in seq means an event was missed; the model then holds later events back and asks for a resync.
// The backlog's stories are not in the state (there can be hundreds): the page reads them over REST after each
// state, and story events are applied on top. They are idempotent by story id, so one the REST answer already
// includes does no harm; those that arrive while the answer is on its way wait for it (storiesLoaded).

export class RoomModel {
  constructor() {
    this.seq = null;
    this.syncing = false;
    this.heldBack = [];
    this.stories = null;
    this.storyEventsWhileLoading = [];
  }

  /**
   * Takes one server frame. Returns {changed, announcements, needsSync}: whether to render again, what to tell a
   * screen-reader user, and whether to send room.sync.v1.
   */
  receive(frame) {
    const result = { changed: false, announcements: [], needsSync: false };
    if (frame.type === 'room.state.v1') {
      this.applyState(frame.payload);
      this.syncing = false;
      const later = this.heldBack.filter((event) => event.seq > this.seq).sort((a, b) => a.seq - b.seq);
      this.heldBack = [];
      result.changed = true;
      for (const event of later) this.receiveEvent(event, result);
      return result;
    }
    if (frame.seq === undefined || this.seq === null) return result;
    this.receiveEvent(frame, result);
    return result;
  }

  receiveEvent(event, result) {
    if (event.seq <= this.seq) return; // already part of the state we hold
    if (this.syncing || event.seq > this.seq + 1) {
      this.heldBack.push(event);
      if (!this.syncing) {
        this.syncing = true;
        result.needsSync = true;
      }
      return;
    }
    this.seq = event.seq;
    result.changed = true;
    const announcement = this.apply(event.type, event.payload, event.requestId);
    if (announcement) result.announcements.push(announcement);
    if (this.staleOwnVote) {
      this.staleOwnVote = false;
      this.syncing = true;
      result.needsSync = true;
    }
  }

  applyState(state) {
    this.room = state.room;
    this.round = { ...state.round };
    this.participants = new Map(state.participants.map((p) => [p.id, { ...p }]));
    this.you = { ...state.you };
    this.revealedVotes = state.revealedVotes;
    this.stats = state.stats;
    this.seq = state.seq;
    // Only the owner's state lists who was removed; everyone else's has no such field.
    this.removed = state.removed ? state.removed.map((seat) => ({ ...seat })) : null;
    this.backlogCounts = { ...(state.backlog ?? { total: 0, estimated: 0 }) };
    this.settings = { ...(state.settings ?? { autoReveal: false }) };
    this.countdown = state.countdown ? { ...state.countdown } : null;
    this.stories = null;
    this.storyEventsWhileLoading = [];
    this.closed = false;
  }

  /** The backlog as GET /rooms/{id}/stories gave it, with the story events that arrived meanwhile applied on top. */
  storiesLoaded(items) {
    this.stories = items.map(({ id, key, title, link, description, estimate, estimatedAt }) => (
      { id, key, title, link, description, estimate, estimatedAt }));
    for (const [type, payload] of this.storyEventsWhileLoading) this.applyStory(type, payload);
    this.storyEventsWhileLoading = [];
  }

  /** How far the backlog got: counted from the stories once they are loaded, else as the state said. */
  backlogProgress() {
    if (!this.stories) return this.backlogCounts;
    return { total: this.stories.length, estimated: this.stories.filter((story) => story.estimate != null).length };
  }

  currentStory() {
    return this.round.storyId ? this.stories?.find((story) => story.id === this.round.storyId) : undefined;
  }

  applyStory(type, payload) {
    if (!this.stories) {
      this.storyEventsWhileLoading.push([type, payload]);
      return;
    }
    if (type === 'stories.added.v1') {
      payload.stories.forEach((story, offset) => this.applyStory('story.edited.v1', { story, position: payload.position + offset }));
      return;
    }
    const id = payload.story?.id ?? payload.storyId;
    const index = this.stories.findIndex((story) => story.id === id);
    switch (type) {
      case 'story.edited.v1':
        // Also each story of stories.added.v1: one the list holds already (the REST answer had it) is replaced.
        if (index >= 0) this.stories[index] = { ...this.stories[index], ...payload.story };
        else this.stories.splice(Math.min(payload.position ?? this.stories.length, this.stories.length), 0, { ...payload.story });
        break;
      case 'story.removed.v1':
        if (index >= 0) this.stories.splice(index, 1);
        break;
      case 'story.moved.v1':
        if (index >= 0) this.stories.splice(Math.min(payload.position, this.stories.length - 1), 0, ...this.stories.splice(index, 1));
        break;
      case 'story.estimated.v1':
        if (index >= 0) this.stories[index].estimate = payload.estimate;
        break;
      default:
        break;
    }
  }

  /** Applies one room event in order; returns the announcement for it, if any. */
  apply(type, payload, requestId) {
    const who = (id) => (id === this.you.participantId ? 'You' : this.participants.get(id)?.displayName ?? 'Someone');
    switch (type) {
      case 'participant.joined.v1': {
        const known = this.participants.has(payload.participant.id);
        this.participants.set(payload.participant.id, { ...payload.participant });
        return `${payload.participant.displayName} ${known ? 'is back' : 'joined'}`;
      }
      case 'participant.disconnected.v1':
        return this.update(payload.participantId, { connected: false }, (p) => `${p.displayName} lost connection`);
      case 'participant.left.v1': {
        const name = who(payload.participantId);
        const kicked = payload.reason === 'KICKED';
        if (kicked && this.removed) this.removed.push({ participantId: payload.participantId, displayName: name });
        this.participants.delete(payload.participantId);
        return kicked ? `${name} was removed from the room` : `${name} left`;
      }
      case 'participant.unbanned.v1': {
        const seat = this.removed?.find((removed) => removed.participantId === payload.participantId);
        if (this.removed) this.removed = this.removed.filter((removed) => removed !== seat);
        return seat ? `${seat.displayName} may come back` : null;
      }
      case 'invite.rotated.v1':
        this.invitationReplaced = true;
        return 'The invitation link was replaced';
      case 'vote.recorded.v1': {
        const before = this.participants.get(payload.participantId)?.hasVoted;
        this.update(payload.participantId, { hasVoted: true });
        // Our own vote from another tab: the event does not say which card, the state does.
        if (payload.participantId === this.you.participantId && !requestId) this.staleOwnVote = true;
        return before ? null : `${who(payload.participantId)} voted`;
      }
      case 'vote.retracted.v1':
        this.update(payload.participantId, { hasVoted: false });
        if (payload.participantId === this.you.participantId) this.you.cardValue = null;
        return `${who(payload.participantId)} took back ${payload.participantId === this.you.participantId ? 'your' : 'a'} vote`;
      case 'round.revealed.v1':
        this.round.revealed = true;
        this.revealedVotes = payload.votes;
        this.stats = payload.stats;
        return this.stats?.average == null ? 'Cards revealed' : `Cards revealed. Average ${this.stats.average}`;
      case 'round.started.v1':
        this.round = {
          number: payload.roundNumber, storyTitle: payload.storyTitle, revealed: false, storyId: payload.storyId ?? null,
        };
        this.clearVotes();
        return `Round ${payload.roundNumber} started${payload.storyTitle ? `: ${payload.storyTitle}` : ''}`;
      case 'round.reset.v1':
        this.clearVotes();
        return 'Votes cleared; vote again';
      case 'host.changed.v1':
        for (const participant of this.participants.values()) {
          participant.host = participant.id === payload.participantId;
        }
        return payload.participantId === this.you.participantId
          ? 'You are now the host' : `${who(payload.participantId)} is now the host`;
      case 'room.closed.v1':
        this.closed = true;
        return 'The room was closed by its owner';
      case 'settings.changed.v1':
        this.settings = { ...payload };
        return payload.autoReveal ? 'Cards reveal themselves once everyone has voted' : 'The host reveals the cards';
      case 'countdown.started.v1':
        this.countdown = { ...payload };
        return `Countdown started: ${payload.seconds} seconds`;
      case 'countdown.stopped.v1':
        this.countdown = null;
        return null;
      case 'stories.added.v1':
        this.backlogCounts.total += payload.stories.length;
        this.applyStory(type, payload);
        return payload.stories.length === 1 ? `Story added: ${payload.stories[0].title}`
          : `${payload.stories.length} stories added`;
      case 'story.edited.v1':
      case 'story.moved.v1':
        this.applyStory(type, payload);
        return null;
      case 'story.removed.v1': {
        const title = this.stories?.find((story) => story.id === payload.storyId)?.title;
        this.backlogCounts.total -= 1;
        this.applyStory(type, payload);
        return title ? `Story removed: ${title}` : 'A story was removed';
      }
      case 'story.estimated.v1': {
        const title = this.stories?.find((story) => story.id === payload.storyId)?.title ?? 'the story';
        this.applyStory(type, payload);
        return payload.estimate == null ? `Estimate cleared for ${title}` : `Agreed estimate for ${title}: ${payload.estimate}`;
      }
      default:
        return null;
    }
  }

  update(id, changes, announce) {
    const participant = this.participants.get(id);
    if (!participant) return null;
    Object.assign(participant, changes);
    return announce ? announce(participant) : null;
  }

  clearVotes() {
    this.revealedVotes = null;
    this.stats = null;
    this.you.cardValue = null;
    for (const participant of this.participants.values()) participant.hasVoted = false;
  }

  me() {
    return this.participants.get(this.you.participantId);
  }

  /** The deck's cards in order, each with how many revealed votes it got. */
  distribution() {
    const counts = new Map(this.room.cards.map((card) => [card, 0]));
    for (const vote of this.revealedVotes ?? []) counts.set(vote.cardValue, (counts.get(vote.cardValue) ?? 0) + 1);
    return [...counts].map(([card, count]) => ({ card, count }));
  }
}
