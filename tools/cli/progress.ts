/**
 * Progress for work that can take more than a few seconds, on stderr so that stdout stays
 * the command's output. One status line rewritten in place on a terminal; nothing when
 * stderr is not a terminal (CI logs, pipes, tests).
 */
export interface Progress {
    /** Replaces the status line. */
    update(message: string): void;
    /** Clears the status line and prints a line that stays. */
    log(message: string): void;
    done(): void;
}

/** What progress needs of a stream: process.stderr, or a test's fake terminal. */
export interface StatusStream {
    readonly isTTY?: boolean;
    readonly columns?: number;
    write(text: string): boolean;
}

export function progress(stream: StatusStream = process.stderr): Progress {
    if (!stream.isTTY) return { update: () => undefined, log: () => undefined, done: () => undefined };
    let shown = false;
    const clear = () => {
        if (shown) stream.write("\r\x1b[K");
        shown = false;
    };
    return {
        update: (message) => {
            clear();
            const width = stream.columns ?? 80;
            stream.write(message.length >= width ? `${message.slice(0, width - 2)}…` : message);
            shown = true;
        },
        log: (message) => {
            clear();
            stream.write(`${message}\n`);
        },
        done: clear,
    };
}
