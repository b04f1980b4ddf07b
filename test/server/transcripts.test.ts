// The chat page's conversations in memory: order kept through updates, deliveries a stream can
// resume after, and limits on conversations, activities and open pages.
import { TranscriptStore, type Delivery } from '../../src/server/transcripts';

const limits = { conversations: 2, activitiesPerConversation: 3, listenersPerConversation: 1 };
const say = (id: string, text: string) => ({ id, type: 'message', text });

describe('a transcript', () => {
  it('keeps activities in order and an updated one in its place', () => {
    const store = new TranscriptStore(limits);
    store.create('c');
    store.put('c', say('1', 'hello'));
    store.put('c', say('2', 'card'));
    store.put('c', say('1', 'hello, edited'));
    expect(store.since('c').map((d) => d.activity['text'])).toEqual(['card', 'hello, edited']);
    expect(store.get('c', '1')?.['text']).toBe('hello, edited');
  });

  it('gives a resuming stream only what changed after the version it saw', () => {
    const store = new TranscriptStore(limits);
    store.create('c');
    store.put('c', say('1', 'a'));
    const [seen] = store.since('c');
    store.put('c', say('2', 'b'));
    expect(store.since('c', seen!.version).map((d) => d.activity.id)).toEqual(['2']);
  });

  it('numbers positions per conversation', () => {
    const store = new TranscriptStore(limits);
    store.create('a');
    store.create('b');
    expect([store.nextPosition('a'), store.nextPosition('a'), store.nextPosition('b')]).toEqual([
      1, 2, 1,
    ]);
    expect(store.nextPosition('unknown')).toBe(0);
  });

  it('tells listeners, until they stop, and refuses one too many', () => {
    const store = new TranscriptStore(limits);
    store.create('c');
    const heard: Delivery[] = [];
    const stop = store.listen('c', (d) => heard.push(d));
    expect(store.listen('c', () => undefined)).toBeUndefined();
    store.put('c', say('1', 'a'));
    stop!();
    store.put('c', say('2', 'b'));
    expect(heard.map((d) => d.activity.id)).toEqual(['1']);
  });

  it('drops the oldest activity past the limit', () => {
    const store = new TranscriptStore(limits);
    store.create('c');
    for (const id of ['1', '2', '3', '4']) store.put('c', say(id, id));
    expect(store.since('c').map((d) => d.activity.id)).toEqual(['2', '3', '4']);
  });

  it('forgets the oldest conversation past the limit; nothing is added to an unknown one', () => {
    const store = new TranscriptStore(limits);
    for (const id of ['a', 'b', 'c']) store.create(id);
    expect(['a', 'b', 'c'].map((id) => store.has(id))).toEqual([false, true, true]);
    expect(store.put('a', say('1', 'late'))).toBe(false);
    expect(store.listen('a', () => undefined)).toBeUndefined();
  });
});
