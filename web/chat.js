// The chat page's client: Web Chat drives a Direct Line-like object that posts what the user types
// or clicks to this server and reads the conversation as server-sent events. The conversation id
// is kept in localStorage, so a reload replays the conversation and carries on with it.
'use strict';

const CONVERSATION_KEY = 'aml-network-guide.conversation';
const USER_KEY = 'aml-network-guide.user';

/** Web Chat's connection states (botframework-directlinejs ConnectionStatus). */
const Status = { Uninitialized: 0, Connecting: 1, Online: 2, FailedToConnect: 4, Ended: 5 };

/** Web Chat subscribes with an observer or a function; this is all of Observable it needs. */
function toObserver(observerOrNext) {
  return typeof observerOrNext === 'function' ? { next: observerOrNext } : observerOrNext;
}

function createSubject(onFirstSubscriber) {
  const observers = new Set();
  let started = false;
  return {
    next(value) {
      observers.forEach((o) => o.next && o.next(value));
    },
    subscribe(observerOrNext) {
      const observer = toObserver(observerOrNext);
      observers.add(observer);
      if (!started) {
        started = true;
        onFirstSubscriber();
      }
      return {
        closed: false,
        unsubscribe() {
          this.closed = true;
          observers.delete(observer);
        },
      };
    },
  };
}

function createStatus() {
  let status = Status.Uninitialized;
  const observers = new Set();
  return {
    set(next) {
      status = next;
      observers.forEach((o) => o.next && o.next(next));
    },
    observable: {
      subscribe(observerOrNext) {
        const observer = toObserver(observerOrNext);
        observers.add(observer);
        if (observer.next) observer.next(status);
        return { unsubscribe: () => observers.delete(observer) };
      },
    },
  };
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error || `the server answered ${response.status}`);
  return json;
}

/**
 * Web Chat only knows Action.Submit, so each Action.Execute becomes an Action.Submit whose data
 * remembers the verb, the original data and the card's activity. postActivity turns the click back
 * into what Teams sends: an adaptiveCard/action invoke, whose answer replaces the clicked card.
 */
function executeAsSubmit(node, activityId) {
  if (Array.isArray(node)) return node.map((item) => executeAsSubmit(item, activityId));
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) copy[key] = executeAsSubmit(value, activityId);
  const isObjectData = copy.data === undefined || (copy.data && typeof copy.data === 'object');
  if (copy.type !== 'Action.Execute' || !isObjectData) return copy;
  const { verb, data, fallback: _fallback, ...rest } = copy;
  return { ...rest, type: 'Action.Submit', data: { __execute: { verb, data, activityId } } };
}

function forWebChat(activity) {
  if (!Array.isArray(activity.attachments)) return activity;
  const attachments = activity.attachments.map((attachment) =>
    attachment.contentType === 'application/vnd.microsoft.card.adaptive'
      ? { ...attachment, content: executeAsSubmit(attachment.content, activity.id) }
      : attachment,
  );
  return { ...activity, attachments };
}

function createDirectLine(conversationId, user) {
  const base = `/webchat/conversations/${encodeURIComponent(conversationId)}`;
  const status = createStatus();
  let events;
  const activity$ = createSubject(() => {
    status.set(Status.Connecting);
    // EventSource reconnects by itself and resumes after the last event it saw.
    events = new EventSource(`${base}/events`);
    events.onopen = () => status.set(Status.Online);
    events.onmessage = (event) => activity$.next(forWebChat(JSON.parse(event.data)));
    events.onerror = () => {
      if (events.readyState === EventSource.CLOSED) status.set(Status.FailedToConnect);
      else status.set(Status.Connecting);
    };
  });

  function send(activity) {
    const from = { id: user.id, name: user.name };
    const channelData = { clientActivityID: activity.channelData?.clientActivityID };
    const { __execute: execute, ...inputs } = activity.value || {};
    if (!execute) {
      const { text, value, locale } = activity;
      return postJson(`${base}/activities`, {
        type: 'message',
        from,
        text,
        value,
        locale,
        channelData,
      }).then(({ id }) => id);
    }
    // As in Teams, the inputs of the card are merged into the button's data.
    return postJson(`${base}/activities`, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      from,
      replyToId: execute.activityId,
      value: {
        action: {
          type: 'Action.Execute',
          verb: execute.verb,
          data: { ...execute.data, ...inputs },
        },
      },
      channelData,
    }).then(({ id }) => {
      // Nothing is shown for the click, but Web Chat waits for its echo before calling it sent.
      activity$.next({ ...activity, id, timestamp: new Date().toISOString(), from });
      return id;
    });
  }

  return {
    activity$,
    connectionStatus$: status.observable,
    end() {
      if (events) events.close();
      status.set(Status.Ended);
    },
    postActivity(activity) {
      return {
        subscribe(observerOrNext) {
          const observer = toObserver(observerOrNext);
          const sending =
            activity.type === 'message' ? send(activity) : Promise.resolve(`local-${Date.now()}`);
          sending.then(
            (id) => {
              if (observer.next) observer.next(id);
              if (observer.complete) observer.complete();
            },
            (error) => observer.error && observer.error(error),
          );
          return { unsubscribe() {} };
        },
      };
    },
  };
}

function currentUser() {
  const stored = localStorage.getItem(USER_KEY);
  if (stored) return JSON.parse(stored);
  const user = { id: `user-${crypto.randomUUID()}`, name: 'You' };
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  return user;
}

/** The conversation this browser had, if the server still knows it; otherwise a new one. */
async function conversationFor(user) {
  const stored = localStorage.getItem(CONVERSATION_KEY);
  if (stored) {
    const response = await fetch(`/webchat/conversations/${encodeURIComponent(stored)}`);
    if (response.ok) return stored;
  }
  const { conversationId } = await postJson('/webchat/conversations', { user });
  localStorage.setItem(CONVERSATION_KEY, conversationId);
  return conversationId;
}

/** Teams' light theme, as far as Web Chat's style options reach; cards use the host config. */
const styleOptions = {
  accent: '#5B5FC7',
  backgroundColor: '#F5F5F5',
  primaryFont: "'Segoe UI', 'Open Sans', 'Liberation Sans', sans-serif",
  bubbleBackground: '#FFFFFF',
  bubbleBorderRadius: 6,
  bubbleBorderWidth: 0,
  bubbleFromUserBackground: '#E8EBFA',
  bubbleFromUserBorderRadius: 6,
  bubbleFromUserBorderWidth: 0,
  bubbleMaxWidth: 600,
  botAvatarInitials: 'NG',
  botAvatarBackgroundColor: '#5B5FC7',
  userAvatarInitials: 'You',
  hideUploadButton: true,
  sendBoxButtonColor: '#5B5FC7',
  adaptiveCardsParserMaxVersion: '1.5',
  // Text such as Storage.<region> is text, as in Teams, not an HTML tag to drop.
  markdownRenderHTML: false,
};

function showProblem(message) {
  const problem = document.createElement('p');
  problem.id = 'problem';
  problem.textContent = `The chat could not start: ${message}. Is the bot running? Reload to retry.`;
  document.getElementById('webchat').replaceChildren(problem);
}

async function main() {
  document.getElementById('new-chat').addEventListener('click', () => {
    localStorage.removeItem(CONVERSATION_KEY);
    location.reload();
  });
  const user = currentUser();
  const hostConfig = await (await fetch('/webchat/teams-hostconfig.json')).json();
  const conversationId = await conversationFor(user);
  window.directLine = createDirectLine(conversationId, user);
  window.WebChat.renderWebChat(
    {
      directLine: window.directLine,
      userID: user.id,
      username: user.name,
      locale: 'en-US',
      adaptiveCardsHostConfig: hostConfig,
      styleOptions,
    },
    document.getElementById('webchat'),
  );
}

main().catch((error) => showProblem(error.message));
