/**
 * A short, soft two-tone beep made with Web Audio (no asset file): 0.35 s in
 * all, at a modest volume, so it tells a floor manager "look at the screen"
 * without startling a dining room.
 */

type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

/**
 * Plays the alert beep. Does nothing where Web Audio is missing; when the
 * browser blocks audio until the user interacts with the page, the context
 * stays suspended and the beep is skipped (the banner and notification remain).
 */
export function playAlertBeep(): void {
  const Context = (globalThis as { AudioContext?: AudioContextConstructor }).AudioContext;
  if (!Context) return;
  try {
    context ??= new Context();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    tone(context, 880, start, 0.15);
    tone(context, 660, start + 0.2, 0.15);
  } catch (error) {
    console.warn('[ops-console] Could not play the alert sound', error);
  }
}

function tone(audio: AudioContext, hz: number, at: number, seconds: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = hz;
  // A quick fade in and out, so the tone has no click at either end.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.15, at + 0.02);
  gain.gain.linearRampToValueAtTime(0, at + seconds);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + seconds);
}
