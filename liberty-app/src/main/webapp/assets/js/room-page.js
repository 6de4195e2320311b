// The room page at /r/{id}: join, vote, reveal, and the host's controls, kept in step with the room over one
// WebSocket (room-connection.js) and one model of the room (room-model.js).
import { api } from './api.js';
import { $, Announcer, h, replaceChildren, showAlert } from './dom.js';
import { RoomConnection } from './room-connection.js';
import { RoomModel } from './room-model.js';
import { currentSession, forgetSeat, hasSeat, rememberSeat, signInAsGuest, signOut } from './session.js';

const HISTORY_PAGE = 10;
// A file is sent in parts that each fit the 16 KiB frame with room for the envelope and JSON escaping.
const IMPORT_PART_CHARS = 6000;
const CARD_NAMES = { '?': 'Not sure', '☕': 'Need a break', '½': 'One half' };

const roomId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const invite = new URLSearchParams(location.search).get('invite');
const model = new RoomModel();
const announcer = new Announcer($('#announcer'));
// requestIds of votes shown before the server confirmed them; a refusal of one asks for the room's state.
const unconfirmedVotes = new Set();
// requestIds of the parts of a CSV file sent in several messages, to say which part a refusal is about.
const importParts = new Map();
let session;
let connection;
let joined = false;
let historyCursor = null;
let deckKey = '';
let serverOffsetMs = 0;
let countdownTimer;

start();

function start() {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(roomId)) {
    end('This link does not point to a room. Check the room code and try again.');
    return;
  }
  $('#room-code').textContent = roomId;
  session = currentSession();
  if (session && hasSeat(roomId)) {
    enter({ role: 'VOTER' });
  } else {
    showJoinForm();
  }
  wireControls();
}

function showJoinForm(message) {
  $('#join-panel').hidden = false;
  $('#room').hidden = true;
  $('#room-title').textContent = `Join room ${roomId}`;
  const name = $('#join-name');
  name.value ||= session?.user.displayName ?? '';
  showAlert($('#join-error'), message);
  name.focus();
}

async function join(event) {
  event.preventDefault();
  const form = event.target;
  const displayName = form.displayName.value.trim();
  if (!displayName) {
    showAlert($('#join-error'), 'Please enter your name.');
    form.displayName.focus();
    return;
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    session ??= await signInAsGuest(displayName);
    enter({ displayName, role: form.role.value });
  } catch (error) {
    showAlert($('#join-error'), error.message);
  } finally {
    button.disabled = false;
  }
}

function enter(joinPayload) {
  $('#join-panel').hidden = true;
  connection = new RoomConnection({
    roomId, invite, token: session.token, join: joinPayload, onFrame: received, onStatus: connectionChanged,
  });
  connection.open();
}

function received(frame) {
  if (frame.type === 'pong.v1') return;
  if (frame.type === 'error.v1') {
    refused(frame);
    return;
  }
  unconfirmedVotes.delete(frame.requestId);
  // The server's clock, as far as this browser can tell: countdowns end at a moment of the server's time.
  if (frame.ts) serverOffsetMs = frame.ts - Date.now();
  const firstState = frame.type === 'room.state.v1' && !joined;
  const result = model.receive(frame);
  if (result.needsSync) connection.send('room.sync.v1');
  result.announcements.forEach((message) => announcer.say(message));
  if (firstState) arrived();
  if (frame.type === 'room.state.v1') loadStories();
  if (frame.type === 'round.revealed.v1') loadHistory();
  if (model.invitationReplaced) {
    model.invitationReplaced = false;
    if ($('#invite-dialog').open) refreshInvitation();
  }
  if (model.closed) {
    forgetSeat(roomId);
    connection.stop();
    end('The owner closed this room.');
    return;
  }
  if (result.changed) render();
}

function arrived() {
  joined = true;
  rememberSeat(roomId);
  $('#room').hidden = false;
  $('#invite-button').hidden = false;
  $('#leave-button').hidden = false;
  loadHistory();
}

function refused(frame) {
  if (unconfirmedVotes.delete(frame.requestId)) {
    // The card shown was a guess; the room's state says which vote, if any, the server holds.
    connection.send('room.sync.v1');
  }
  const part = importParts.get(frame.requestId);
  importParts.delete(frame.requestId);
  flash(part ? `${part}: ${frame.payload.message}` : frame.payload.message);
}

function connectionChanged(status) {
  const pill = $('#connection');
  pill.dataset.state = status.state;
  $('#room').toggleAttribute('data-offline', status.state !== 'joined');
  switch (status.state) {
    case 'connecting':
      pill.textContent = 'Connecting…';
      break;
    case 'joined':
      if (pill.textContent.startsWith('Reconnecting')) announcer.say('Reconnected');
      pill.textContent = 'Connected';
      break;
    case 'reconnecting':
      if (status.attempt === 1) announcer.say('Connection lost. Reconnecting');
      pill.textContent = `Reconnecting… (attempt ${status.attempt})`;
      break;
    case 'closed':
      closedForGood(status.reason);
      break;
    default:
      break;
  }
  render();
}

function closedForGood(reason) {
  if (reason === 'EXPIRED') {
    // The token ran out: a guest can only join again as someone new.
    signOut();
    session = null;
    joined = false;
    showJoinForm('Your session expired. Join again to continue.');
  } else if (reason === 'REFUSED') {
    forgetSeat(roomId);
    end(joined ? 'The host removed you from this room.'
      : 'This room is invite-only. Ask the host for the invitation link.');
  } else {
    forgetSeat(roomId);
    end('There is no room with this code, or it was closed.');
  }
}

function end(message) {
  $('#join-panel').hidden = true;
  $('#room').hidden = true;
  $('#invite-button').hidden = true;
  $('#leave-button').hidden = true;
  $('#connection').hidden = true;
  $('#ended-message').textContent = message;
  $('#ended').hidden = false;
  $('#ended-heading').focus();
}

let flashTimer;
function flash(message) {
  showAlert($('#banner'), message);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => showAlert($('#banner'), ''), 6000);
}

// ---- Actions -------------------------------------------------------------------------------------------------

function wireControls() {
  $('#join-form').addEventListener('submit', join);
  $('#reveal-button').addEventListener('click', () => connection.send('round.reveal.v1'));
  $('#reset-button').addEventListener('click', () => connection.send('round.reset.v1'));
  $('#next-round-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const storyTitle = $('#story-input').value.trim();
    connection.send('round.start.v1', storyTitle ? { storyTitle } : {});
    $('#story-input').value = '';
  });
  $('#deck').addEventListener('keydown', moveAlongDeck);
  $('#leave-button').addEventListener('click', leave);
  $('#invite-button').addEventListener('click', openInvite);
  $('#copy-button').addEventListener('click', copyLink);
  $('#csv-button').addEventListener('click', downloadCsv);
  $('#more-rounds').addEventListener('click', () => loadHistory(historyCursor));
  $('#claim-host-button').addEventListener('click', () => connection.send('host.claim.v1'));
  $('#rotate-button').addEventListener('click', rotateInvitation);
  $('#auto-reveal').addEventListener('change', (event) => {
    connection.send('room.settings.v1', { autoReveal: event.target.checked });
  });
  $('#countdown-start-button').addEventListener('click', () => {
    connection.send('countdown.start.v1', { seconds: Number($('#countdown-seconds').value) });
  });
  $('#countdown-stop-button').addEventListener('click', () => connection.send('countdown.stop.v1'));
  $('#add-story-form').addEventListener('submit', addStory);
  $('#import-button').addEventListener('click', () => $('#import-file').click());
  $('#import-file').addEventListener('change', importFile);
  $('#stories-csv-button').addEventListener('click', () => download('stories.csv', `scrum-poker-${roomId}-stories.csv`));
  $('#estimate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const estimate = $('#estimate-input').value.trim();
    connection.send('story.estimate.v1', { storyId: model.round.storyId, estimate: estimate || null });
  });
}

function addStory(event) {
  event.preventDefault();
  const title = $('#new-story-title').value.trim();
  if (!title) {
    flash('Give the story a title.');
    $('#new-story-title').focus();
    return;
  }
  const key = $('#new-story-key').value.trim();
  connection.send('story.add.v1', { stories: [key ? { key, title } : { title }] });
  $('#new-story-title').value = '';
  $('#new-story-key').value = '';
  $('#new-story-title').focus();
}

/** Sends the file in parts of whole rows, each with the header line; the server checks every row of a part. */
async function importFile(event) {
  const file = event.target.files[0];
  event.target.value = '';
  if (!file) return;
  const parts = csvParts((await file.text()).replace(/^\uFEFF/, ''));
  parts.forEach((csv, index) => {
    const requestId = connection.send('story.import.v1', { csv });
    if (parts.length > 1) importParts.set(requestId, `Part ${index + 1} of ${parts.length} of ${file.name}`);
  });
  announcer.say(`Importing ${file.name}`);
}

/** Splits CSV text into parts of at most IMPORT_PART_CHARS characters at row ends (not inside quotes). */
function csvParts(text) {
  const rows = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      rows.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) rows.push(text.slice(start));
  const [header, ...body] = rows;
  const parts = [];
  let part = header;
  for (const row of body) {
    if (part.length + row.length > IMPORT_PART_CHARS && part !== header) {
      parts.push(part);
      part = header;
    }
    part += row;
  }
  parts.push(part);
  return parts;
}

function pick(card) {
  const previous = model.you.cardValue;
  const retracting = previous === card;
  const requestId = retracting ? connection.send('vote.retract.v1') : connection.send('vote.cast.v1', { cardValue: card });
  unconfirmedVotes.add(requestId);
  // Shown at once; put back if the server refuses (refused above).
  model.you.cardValue = retracting ? null : card;
  render();
}

function moveAlongDeck(event) {
  const cards = [...$('#deck').querySelectorAll('button')];
  const index = cards.indexOf(document.activeElement);
  const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  let target;
  if (event.key in moves && index >= 0) target = cards[(index + moves[event.key] + cards.length) % cards.length];
  else if (event.key === 'Home') target = cards[0];
  else if (event.key === 'End') target = cards[cards.length - 1];
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

function leave() {
  connection.send('room.leave.v1');
  connection.stop();
  forgetSeat(roomId);
  location.assign('/');
}

function kick(participant) {
  if (window.confirm(`Remove ${participant.displayName} from the room? They cannot come back until the room's owner lets them.`)) {
    connection.send('participant.kick.v1', { participantId: participant.id });
  }
}

async function openInvite() {
  const dialog = $('#invite-dialog');
  $('#copy-feedback').textContent = '';
  showInvitation(model.room);
  $('#rotate-row').hidden = !isOwner() || model.room.privacy !== 'INVITE_ONLY';
  dialog.showModal();
  await refreshInvitation();
  const qr = $('#qr');
  if (qr.hidden) {
    try {
      const image = await api(`/rooms/${encodeURIComponent(roomId)}/qr.svg`, { token: session.token, accept: 'image/svg+xml' });
      qr.src = URL.createObjectURL(image);
      qr.hidden = false;
    } catch {
      // The link above is the invitation; the QR code is a convenience.
    }
  }
}

async function refreshInvitation() {
  const dialog = $('#invite-dialog');
  dialog.setAttribute('aria-busy', 'true');
  try {
    // room.state.v1 is the same for everyone; the REST answer is the caller's own copy, which carries the
    // invitation of an invite-only room for its owner (docs/api.md).
    showInvitation(await api(`/rooms/${encodeURIComponent(roomId)}`, { token: session.token }));
  } catch {
    // The link from the room's state is still right for a public room.
  } finally {
    dialog.removeAttribute('aria-busy');
  }
}

function rotateInvitation() {
  if (window.confirm('Replace the invitation link? The old link will stop letting new people in.')) {
    connection.send('invite.rotate.v1');
    $('#copy-feedback').textContent = 'Replacing the link…';
    $('#qr').hidden = true;
  }
}

function isOwner() {
  return Boolean(session) && model.room?.ownerId === session.user?.id;
}

function showInvitation(room) {
  $('#invite-link').value = room.joinUrl;
  const withoutInvitation = room.privacy === 'INVITE_ONLY' && !room.joinUrl.includes('invite=');
  $('#invite-label').textContent = withoutInvitation
    ? 'This room is invite-only: people already seated can use this link; the owner hands out invitations'
    : 'Anyone with this link can join';
}

async function copyLink() {
  const link = $('#invite-link');
  try {
    await navigator.clipboard.writeText(link.value);
  } catch {
    // No clipboard API off secure origins: select the text so Ctrl+C / long-press copies it.
    link.select();
    document.execCommand?.('copy');
  }
  $('#copy-feedback').textContent = 'Link copied. Paste it into your team chat.';
}

function downloadCsv() {
  return download('rounds.csv', `scrum-poker-${roomId}-rounds.csv`);
}

async function download(resource, fileName) {
  try {
    const csv = await api(`/rooms/${encodeURIComponent(roomId)}/${resource}`, { token: session.token, accept: 'text/csv' });
    const link = h('a', { href: URL.createObjectURL(csv), download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (error) {
    flash(error.message);
  }
}

let storiesRequest = 0;
async function loadStories() {
  const request = ++storiesRequest;
  try {
    const backlog = await api(`/rooms/${encodeURIComponent(roomId)}/stories`, { token: session.token });
    // A newer state asked again meanwhile: its answer is the one to keep.
    if (request !== storiesRequest) return;
    model.storiesLoaded(backlog.items);
    render();
  } catch (error) {
    $('#backlog-empty').textContent = `The backlog is not available right now (${error.message})`;
  }
}

async function loadHistory(cursor = null) {
  const query = new URLSearchParams({ limit: HISTORY_PAGE });
  if (cursor) query.set('cursor', cursor);
  try {
    const page = await api(`/rooms/${encodeURIComponent(roomId)}/rounds?${query}`, { token: session.token });
    const items = page.items.map(historyItem);
    if (cursor) $('#rounds').append(...items);
    else replaceChildren($('#rounds'), items);
    historyCursor = page.nextCursor;
    $('#more-rounds').hidden = !historyCursor;
    $('#history-empty').hidden = $('#rounds').children.length > 0;
  } catch (error) {
    $('#history-empty').textContent = `History is not available right now (${error.message})`;
    $('#history-empty').hidden = false;
  }
}

// ---- Rendering -----------------------------------------------------------------------------------------------

function render() {
  if (!joined || !model.room) return;
  const me = model.me();
  const voter = me?.role === 'VOTER';
  const host = Boolean(me?.host);
  const online = !$('#room').hasAttribute('data-offline');
  const { round } = model;

  document.title = `${model.room.title} · Scrum Poker`;
  $('#room-title').textContent = model.room.title;
  $('#round-heading').textContent = `Round ${round.number}`;
  $('#story').textContent = round.storyTitle || 'No story title';
  $('#story').classList.toggle('muted', !round.storyTitle);
  $('#progress').textContent = progressText();

  $('#host-controls').hidden = !host;
  const anyVote = [...model.participants.values()].some((p) => p.hasVoted);
  $('#reveal-button').disabled = !online || round.revealed || !anyVote;
  $('#reset-button').disabled = !online || round.revealed || !anyVote;
  $('#next-round-button').disabled = !online;

  $('#auto-reveal').checked = Boolean(model.settings?.autoReveal);
  $('#auto-reveal').disabled = !online;
  $('#countdown-start-button').disabled = !online || round.revealed;
  $('#countdown-stop-button').hidden = !model.countdown;
  $('#countdown-stop-button').disabled = !online;
  renderCountdown();
  renderResults(host, online);
  renderBacklog(host, online);
  renderDeck(voter, online);
  $('#observer-note').hidden = voter;
  renderParticipants(host, online);
  renderOwnerControls(host, online);
}

/** The owner's own controls: taking host back, and letting removed people in again. */
function renderOwnerControls(host, online) {
  const owner = isOwner();
  const claim = $('#claim-host-button');
  claim.hidden = !owner || host;
  claim.disabled = !online;
  const removed = model.removed ?? [];
  $('#removed-section').hidden = !owner || removed.length === 0;
  replaceChildren($('#removed'), removed.map((seat) => h('li', {
    class: 'participant', dataset: { participantId: seat.participantId },
  },
  h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(seat.displayName)),
  h('span', { class: 'who' }, h('span', { class: 'name' }, seat.displayName)),
  h('span', { class: 'actions' }, h('button', {
    type: 'button', class: 'button small quiet', disabled: !online, dataset: { focusKey: `unban-${seat.participantId}` },
    onclick: () => connection.send('participant.unban.v1', { participantId: seat.participantId }),
  }, 'Let back in', h('span', { class: 'visually-hidden' }, `: ${seat.displayName}`))))));
}

function progressText() {
  const voters = [...model.participants.values()].filter((p) => p.role === 'VOTER');
  const voted = voters.filter((p) => p.hasVoted).length;
  if (model.round.revealed) return `${model.revealedVotes?.length ?? 0} votes revealed`;
  const waiting = voters.filter((p) => !p.hasVoted && p.connected).map((p) => p.displayName);
  // The host sees who the room is waiting for, as long as the list stays short enough to read.
  const host = Boolean(model.me()?.host);
  const names = host && voted > 0 && waiting.length > 0 && waiting.length <= 3 ? ` · waiting for ${waiting.join(', ')}` : '';
  return `${voted} of ${voters.length} voted${names}`;
}

/** The countdown everyone sees, in the server's time; it ticks every second while it runs. */
function renderCountdown() {
  const shown = $('#countdown');
  clearTimeout(countdownTimer);
  if (!model.countdown) {
    shown.hidden = true;
    return;
  }
  const msLeft = model.countdown.endsAt - (Date.now() + serverOffsetMs);
  const left = Math.max(0, Math.ceil(msLeft / 1000));
  shown.hidden = false;
  shown.dataset.over = String(left === 0);
  shown.textContent = left === 0 ? "Time's up" : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
  if (left === 0) {
    if (shown.dataset.announced !== String(model.countdown.endsAt)) {
      shown.dataset.announced = String(model.countdown.endsAt);
      announcer.say("Time's up");
    }
    return;
  }
  // Next when the number of whole seconds left changes.
  countdownTimer = setTimeout(renderCountdown, msLeft % 1000 || 1000);
}

function renderDeck(voter, online) {
  $('#deck-area').hidden = !voter;
  if (!voter) return;
  const deck = $('#deck');
  const key = model.room.cards.join('\u0000');
  if (key !== deckKey) {
    // Built once per deck and updated in place, so keyboard focus stays on the card the user is on.
    deckKey = key;
    replaceChildren(deck, model.room.cards.map((card) => h('button', {
      type: 'button', class: 'card', dataset: { card, focusKey: `card-${card}` },
      'aria-label': CARD_NAMES[card] ? `${CARD_NAMES[card]} (${card})` : null,
      onclick: () => pick(card),
    }, card)));
  }
  for (const button of deck.querySelectorAll('button')) {
    const chosen = button.dataset.card === model.you.cardValue;
    button.setAttribute('aria-pressed', String(chosen));
    button.disabled = !online || model.round.revealed;
  }
  $('#deck-hint').textContent = model.round.revealed
    ? 'The cards are revealed. The host starts the next round.'
    : 'Pick a card; pick it again to take your vote back. Arrow keys move between cards.';
}

function renderResults(host, online) {
  const results = $('#results');
  results.hidden = !model.round.revealed;
  if (!model.round.revealed) return;
  renderAgreedEstimate(host, online);
  const stats = model.stats ?? {};
  $('#consensus-badge').hidden = !stats.consensus;
  const number = (value) => (value === null || value === undefined ? '–' : String(value));
  const consensus = stats.consensus === null || stats.consensus === undefined ? '–' : stats.consensus ? 'Yes' : 'No';
  replaceChildren($('#stats'), [
    ['Average', number(stats.average), 'average'], ['Median', number(stats.median), 'median'],
    ['Min', number(stats.min), 'min'], ['Max', number(stats.max), 'max'],
    ['Votes', number(stats.count ?? 0), 'count'], ['Consensus', consensus, 'consensus'],
  ].map(([label, value, name]) => h('div', { class: `stat stat-${name}`, dataset: { stat: name } },
    h('dt', {}, label), h('dd', {}, value))));

  const distribution = model.distribution().filter((entry) => entry.count > 0);
  const most = Math.max(1, ...distribution.map((entry) => entry.count));
  const chart = $('#chart');
  chart.setAttribute('aria-label', `Vote distribution: ${distribution
    .map((entry) => `${entry.card}: ${entry.count}`).join(', ') || 'no votes'}`);
  replaceChildren(chart, distribution.map((entry) => h('div', { class: 'bar-row', dataset: { card: entry.card } },
    h('span', { class: 'bar-label' }, entry.card),
    h('span', { class: 'bar-track' }, h('span', { class: 'bar', dataset: { share: entry.count / most } })),
    h('span', { class: 'bar-count' }, String(entry.count)))));
  // Widths are set through CSSOM, which the page's Content-Security-Policy allows (inline style attributes it does not).
  for (const bar of chart.querySelectorAll('.bar')) bar.style.width = `${Number(bar.dataset.share) * 100}%`;

  replaceChildren($('#votes'), (model.revealedVotes ?? []).map((vote) => h('li', { dataset: { participantId: vote.participantId } },
    h('span', { class: 'vote-name' }, vote.displayName), h('span', { class: 'vote-card' }, vote.cardValue))));
}

/** After the reveal of a round that estimates a story: the estimate agreed on, which the host records. */
function renderAgreedEstimate(host, online) {
  const story = model.currentStory();
  $('#agreed').hidden = !model.round.storyId;
  if (!model.round.storyId) return;
  $('#agreed-value').textContent = story?.estimate != null
    ? `Agreed estimate: ${story.estimate}` : 'No estimate agreed yet.';
  const form = $('#estimate-form');
  form.hidden = !host;
  const options = model.room.cards.join('\u0000');
  if (form.dataset.cards !== options) {
    form.dataset.cards = options;
    replaceChildren($('#estimate-cards'), model.room.cards.map((card) => h('option', { value: card })));
  }
  if (form.dataset.round !== String(model.round.number)) {
    // Each reveal suggests the most frequent card (ties: the first in the deck), which teams usually settle on.
    form.dataset.round = String(model.round.number);
    const top = model.distribution().reduce((best, entry) => (entry.count > best.count ? entry : best), { count: 0 });
    $('#estimate-input').value = story?.estimate ?? top.card ?? '';
  }
  $('#estimate-button').disabled = !online;
}

function renderBacklog(host, online) {
  const progress = model.backlogProgress();
  $('#backlog-progress').textContent = progress.total === 0 ? '' : `${progress.estimated} of ${progress.total} estimated`;
  $('#backlog-tools').hidden = !host;
  $('#add-story-button').disabled = !online;
  $('#import-button').disabled = !online;
  const stories = model.stories ?? [];
  $('#backlog-empty').hidden = stories.length > 0 || !model.stories;
  replaceChildren($('#stories'), stories.map((story, index) => {
    const current = story.id === model.round.storyId;
    const label = (text) => [text, h('span', { class: 'visually-hidden' }, `: ${story.title}`)];
    return h('li', { class: 'story-item', dataset: { storyId: story.id, current: String(current) } },
      h('span', { class: 'story-text' },
        story.key && h('span', { class: 'story-key' }, story.key),
        story.link ? h('a', { class: 'story-title', href: story.link, rel: 'noopener noreferrer', target: '_blank' }, story.title)
          : h('span', { class: 'story-title' }, story.title),
        current && h('span', { class: 'badge host' }, 'voting')),
      h('span', { class: `story-estimate${story.estimate == null ? ' none' : ''}` },
        story.estimate == null ? 'Not estimated' : `${story.estimate} pts`),
      host && h('span', { class: 'actions' },
        h('button', {
          type: 'button', class: 'button small secondary', disabled: !online, dataset: { focusKey: `vote-${story.id}` },
          onclick: () => connection.send('round.start.v1', { storyId: story.id }),
        }, label(story.estimate == null ? 'Vote' : 'Vote again')),
        h('button', {
          type: 'button', class: 'button small quiet', disabled: !online || index === 0, dataset: { focusKey: `up-${story.id}` },
          onclick: () => connection.send('story.move.v1', { storyId: story.id, position: index - 1 }),
        }, label('Move up')),
        h('button', {
          type: 'button', class: 'button small quiet', disabled: !online || index === stories.length - 1,
          dataset: { focusKey: `down-${story.id}` },
          onclick: () => connection.send('story.move.v1', { storyId: story.id, position: index + 1 }),
        }, label('Move down')),
        h('button', {
          type: 'button', class: 'button small danger', disabled: !online, dataset: { focusKey: `remove-${story.id}` },
          onclick: () => connection.send('story.remove.v1', { storyId: story.id }),
        }, label('Remove'))));
  }));
}

function renderParticipants(host, online) {
  const people = [...model.participants.values()];
  $('#people-heading').textContent = `People (${people.length})`;
  const revealed = new Map((model.revealedVotes ?? []).map((vote) => [vote.participantId, vote.cardValue]));
  replaceChildren($('#participants'), people.map((person) => {
    const itsMe = person.id === model.you.participantId;
    const status = participantStatus(person, revealed);
    return h('li', {
      class: 'participant', dataset: {
        participantId: person.id, voted: String(person.hasVoted), connected: String(person.connected),
      },
    },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(person.displayName)),
    h('span', { class: 'who' },
      h('span', { class: 'name' }, person.displayName),
      itsMe && h('span', { class: 'badge' }, 'you'),
      person.host && h('span', { class: 'badge host' }, 'host'),
      person.role === 'OBSERVER' && h('span', { class: 'badge' }, 'observer')),
    h('span', { class: `status status-${status.kind}` }, status.text),
    host && !itsMe && h('span', { class: 'actions' },
      h('button', {
        type: 'button', class: 'button small quiet', disabled: !online, dataset: { focusKey: `host-${person.id}` },
        onclick: () => connection.send('host.transfer.v1', { participantId: person.id }),
      }, 'Make host', h('span', { class: 'visually-hidden' }, `: ${person.displayName}`)),
      h('button', {
        type: 'button', class: 'button small danger', disabled: !online, dataset: { focusKey: `kick-${person.id}` },
        onclick: () => kick(person),
      }, 'Remove', h('span', { class: 'visually-hidden' }, ` ${person.displayName} from the room`))));
  }));
}

function participantStatus(person, revealed) {
  if (!person.connected) return { kind: 'away', text: 'Disconnected' };
  if (person.role === 'OBSERVER') return { kind: 'observer', text: 'Watching' };
  if (model.round.revealed) return revealed.has(person.id)
    ? { kind: 'card', text: revealed.get(person.id) } : { kind: 'idle', text: 'No vote' };
  return person.hasVoted ? { kind: 'voted', text: 'Voted' } : { kind: 'idle', text: 'Thinking…' };
}

function initials(name) {
  return [...name.trim()].filter((character, index, all) => index === 0 || all[index - 1] === ' ')
    .slice(0, 2).join('').toUpperCase();
}

function historyItem(round) {
  const stats = round.stats;
  const summary = stats?.average === null || stats?.average === undefined
    ? `${round.votes.length} votes` : `average ${stats.average}, median ${stats.median}`;
  return h('li', { class: 'history-round' },
    h('div', { class: 'history-title' },
      h('span', { class: 'history-number' }, `Round ${round.number}`),
      h('span', { class: 'history-story' }, round.storyTitle || 'No story title'),
      stats?.consensus && h('span', { class: 'badge consensus' }, 'consensus')),
    h('p', { class: 'history-summary' }, summary),
    h('p', { class: 'history-votes' }, round.votes.map((vote) => `${vote.displayName}: ${vote.cardValue}`).join(' · ')));
}
