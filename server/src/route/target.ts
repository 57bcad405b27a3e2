import { isDomain } from '../model/domain';

/**
 * Why a route destination is not an e-mail address or a domain, or undefined
 * when it is one (the part after the last `@` must be a domain).
 * `exconn route --to`, `exconn graph --to` and VS Code's Trace a Route all ask
 * this, so they accept the same text.
 */
export function routeTargetProblem(to: string): string | undefined {
  return isDomain(to.slice(to.lastIndexOf('@') + 1)) ? undefined : `'${to}' is neither an e-mail address nor a domain`;
}
