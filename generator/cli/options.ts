import { InvalidArgumentError } from 'commander';

/** Repeatable options: `--csdl a.xml --csdl b.xml` or `--csdl a.xml b.xml`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
}
