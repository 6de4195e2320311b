// The start page: create a room (as a guest if need be), join one by code or link, optional sign-in.
import { api } from './api.js';
import { $, h, replaceChildren, showAlert } from './dom.js';
import { currentSession, logIn, register, rememberSeat, signInAsGuest, signOut } from './session.js';

const DECKS = {
  FIBONACCI: '0 1 2 3 5 8 13 21 34 55 89 ?',
  MODIFIED_FIBONACCI: '0 ½ 1 2 3 5 8 13 20 40 100 ? ☕',
  TSHIRT: 'XS S M L XL XXL ?',
  POWERS_OF_2: '0 1 2 4 8 16 32 64 ?',
  CUSTOM: '',
};

showAccount();
showDeck();
showCheckoutOutcome();
$('#create-deck').addEventListener('change', showDeck);
$('#create-form').addEventListener('submit', createRoom);
$('#join-form').addEventListener('submit', joinRoom);
$('#sign-in').addEventListener('click', () => $('#account-dialog').showModal());
$('#sign-out').addEventListener('click', () => {
  signOut();
  showAccount();
});
$('#login-form').addEventListener('submit', (event) => authenticate(event, '#login-error',
  (form) => logIn(form.email.value.trim(), form.password.value)));
for (const button of document.querySelectorAll('#plan-actions button')) {
  button.addEventListener('click', () => upgrade(button.dataset.tier, button));
}
$('#register-form').addEventListener('submit', (event) => authenticate(event, '#register-error',
  (form) => register(form.email.value.trim(), form.password.value, form.displayName.value.trim())));

function showAccount() {
  const session = currentSession();
  $('#signed-in-as').hidden = !session;
  $('#signed-in-as').textContent = session
    ? `${session.user.guest ? 'Playing as' : 'Signed in as'} ${session.user.displayName}` : '';
  $('#sign-out').hidden = !session;
  $('#sign-in').hidden = Boolean(session && !session.user.guest);
  $('#create-name-field').hidden = Boolean(session);
  showMyRooms(session);
  showPlan(session);
}

const PLAN_LIMITS = {
  FREE: 'Free: 3 open rooms and the newest 20 rounds of history per room.',
  PRO: 'PRO: unlimited rooms and history.',
  TEAM: 'TEAM: unlimited rooms and history for your team.',
};

async function showPlan(session) {
  const section = $('#plan');
  if (!session || session.user.guest) {
    section.hidden = true;
    return;
  }
  try {
    const plan = await api('/subscriptions/me', { token: session.token });
    const status = plan.status === 'none' ? '' : ` (subscription ${plan.status.replace('_', ' ')})`;
    $('#plan-summary').textContent = `${PLAN_LIMITS[plan.tier]}${status}`;
    $('#plan-actions').hidden = plan.tier !== 'FREE';
    section.dataset.tier = plan.tier;
    section.hidden = false;
  } catch {
    section.hidden = true;
  }
}

async function upgrade(tier, button) {
  const session = currentSession();
  showAlert($('#plan-error'), '');
  button.disabled = true;
  try {
    // A key per click: the server answers a repeat of this request with the same session, never a second one.
    const checkout = await api('/subscriptions/checkout', {
      method: 'POST', body: { tier }, token: session.token, idempotencyKey: crypto.randomUUID(),
    });
    location.assign(checkout.url);
  } catch (failure) {
    showAlert($('#plan-error'), failure.message);
    button.disabled = false;
  }
}

/** Stripe sends the user back to /?checkout=success or /?checkout=cancelled. */
function showCheckoutOutcome() {
  const outcome = new URLSearchParams(location.search).get('checkout');
  const messages = {
    success: 'Thank you! Your plan changes as soon as Stripe confirms the payment, usually within seconds.',
    cancelled: 'Checkout cancelled: nothing was charged, and your plan is unchanged.',
  };
  if (messages[outcome]) {
    $('#checkout-notice').textContent = messages[outcome];
    $('#checkout-notice').hidden = false;
  }
}

function showDeck() {
  const deck = $('#create-deck').value;
  $('#custom-cards-field').hidden = deck !== 'CUSTOM';
  $('#deck-preview').textContent = DECKS[deck] ? `Cards: ${DECKS[deck]}` : 'Choose your own cards below.';
}

async function createRoom(event) {
  event.preventDefault();
  const form = event.target;
  const error = $('#create-error');
  showAlert(error, '');
  const body = { title: form.title.value.trim(), deck: form.deck.value, privacy: form.privacy.value };
  if (body.deck === 'CUSTOM') body.cards = form.cards.value.split(/[\s,]+/).filter(Boolean);
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    let session = currentSession();
    if (!session) {
      const displayName = form.displayName.value.trim();
      if (!displayName) throw new Error('Please enter your name.');
      session = await signInAsGuest(displayName);
    }
    const room = await api('/rooms', { method: 'POST', body, token: session.token });
    rememberSeat(room.id);
    location.assign(new URL(room.joinUrl).pathname + new URL(room.joinUrl).search);
  } catch (failure) {
    showAlert(error, failure.message);
    showAccount();
  } finally {
    button.disabled = false;
  }
}

function joinRoom(event) {
  event.preventDefault();
  const input = event.target.code.value.trim();
  // A pasted link keeps its path and invitation; a bare code becomes /r/{code}.
  const link = input.match(/\/r\/([A-Za-z0-9_-]+)(\?[^#\s]*)?/);
  const code = link ? link[1] : input;
  if (!/^[A-Za-z0-9_-]{4,32}$/.test(code)) {
    showAlert($('#join-error'), 'That does not look like a room code. Codes are 8 letters, digits, - or _.');
    return;
  }
  location.assign(`/r/${code}${link?.[2] ?? ''}`);
}

async function authenticate(event, errorSelector, call) {
  event.preventDefault();
  showAlert($(errorSelector), '');
  try {
    await call(event.target);
    $('#account-dialog').close();
    showAccount();
  } catch (failure) {
    showAlert($(errorSelector), failure.message);
  }
}

async function showMyRooms(session) {
  const section = $('#my-rooms');
  if (!session) {
    section.hidden = true;
    return;
  }
  try {
    const page = await api('/rooms?limit=10', { token: session.token });
    replaceChildren($('#my-rooms-list'), page.items.map((room) => h('li', {},
      h('a', { href: new URL(room.joinUrl).pathname + new URL(room.joinUrl).search }, room.title),
      h('span', { class: 'room-code' }, room.id))));
    section.hidden = page.items.length === 0;
  } catch {
    // An expired or revoked token: the page still works, the list is a convenience.
    section.hidden = true;
  }
}
