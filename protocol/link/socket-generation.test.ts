import { describe, expect, it } from 'vitest';
import { CLIENT_SUBPROTOCOLS } from '../ids';
import { FakeClock } from './fake-clock';
import { FakeSocket } from './fake-socket';
import { SocketGeneration } from './socket-generation';

function opened() {
  const clock = new FakeClock();
  const generation = new SocketGeneration(1, clock);
  const messages: unknown[] = [];
  const closes: Array<[number, string]> = [];
  generation.open(FakeSocket, 'ws://hub.test/v1/ws', 'tok en', {
    onMessage: (data) => messages.push(data),
    onClose: (code, reason) => closes.push([code, reason]),
  });
  return { clock, generation, socket: FakeSocket.last(), messages, closes };
}

describe('socket generation', () => {
  it('opens the socket with the token as access_token and the client subprotocols', () => {
    const { socket } = opened();
    expect(socket.url).toBe('ws://hub.test/v1/ws?access_token=tok%20en');
    expect(socket.protocols).toEqual([...CLIENT_SUBPROTOCOLS]);
  });

  it('passes messages and the close of its socket on while it is current', () => {
    const { socket, messages, closes } = opened();
    socket.open();
    socket.deliver('{"type":"pong","id":"p1","serverTime":1}');
    socket.onerror?.({ message: 'ECONNRESET' });
    socket.serverClose(1006);
    expect(messages).toEqual(['{"type":"pong","id":"p1","serverTime":1}']);
    expect(closes).toEqual([[1006, 'ECONNRESET']]);
  });

  it('ignores every callback of its socket once retired, and closes the socket with the code given', () => {
    const { generation, socket, messages, closes } = opened();
    socket.open();
    const { onmessage, onclose } = socket;
    generation.retire(4000, 'superseded', () => undefined);
    onmessage?.({ data: 'late' });
    onclose?.({ code: 1006, reason: 'late' });
    expect(messages).toEqual([]);
    expect(closes).toEqual([]);
    expect(socket.closedByClient).toEqual({ code: 4000, reason: 'superseded' });
    expect(generation.current).toBe(false);
  });

  it('disarms the connect timeout on welcome, and fires it when welcome never comes', () => {
    const first = opened();
    const timeouts: string[] = [];
    first.generation.armConnectTimeout(1000, () => timeouts.push('first'));
    first.generation.welcomed(first.clock.now());
    first.clock.advance(5000);
    expect(first.generation.liveSince).toBeDefined();
    const second = opened();
    second.generation.armConnectTimeout(1000, () => timeouts.push('second'));
    second.clock.advance(1000);
    expect(timeouts).toEqual(['second']);
  });

  it('never fires its timers after it is retired', () => {
    const { clock, generation } = opened();
    const fired: string[] = [];
    generation.setTimeout(() => fired.push('kept'), 100);
    const cleared = generation.setTimeout(() => fired.push('cleared'), 100);
    generation.setTimeout(() => fired.push('retired'), 500);
    generation.clearTimeout(cleared);
    clock.advance(100);
    generation.retire(1000, 'stop', () => undefined);
    clock.advance(1000);
    expect(fired).toEqual(['kept']);
  });

  it('sends only while its socket is open and it is current', () => {
    const { generation, socket } = opened();
    generation.send('{"type":"ping","id":"early"}');
    socket.open();
    generation.send('{"type":"ping","id":"p1"}');
    generation.retire(1000, 'stop', () => undefined);
    generation.send('{"type":"ping","id":"late"}');
    expect(socket.sent).toEqual([{ type: 'ping', id: 'p1' }]);
  });

  it('hands a close that throws to onCloseError instead of throwing', () => {
    const { generation, socket } = opened();
    socket.close = () => {
      throw new Error('close failed');
    };
    const errors: unknown[] = [];
    generation.retire(1000, 'stop', (error) => errors.push(error));
    expect(errors).toEqual([new Error('close failed')]);
  });
});
