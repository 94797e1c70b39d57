/** Where billing reads the time: injected, so proration and period ends can be tested on a fixed clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
