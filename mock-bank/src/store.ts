import type { Flow } from './domain/flow.ts';
import type { Certificate, Challenge, Customer, Phone } from './domain/types.ts';

/** 아이디찾기 state, outside the flow. */
export interface LookupState {
  challengeId: string;
  userId: string;
  /** Set once the right code was entered. */
  verified?: boolean;
  /** What the customer typed, shown again (secrets are not kept). */
  name: string;
  rrnFront: string;
  phone: string;
}

export interface RenewalState {
  userId: string;
  serial: string;
  /** Serial of the renewed certificate, once done. */
  renewedSerial?: string;
}

/** Server-held state per browser session (the cookie only carries its id). */
export interface Session {
  id: string;
  /** Logged-in customer (internet banking). */
  userId?: string;
  flow?: Flow;
  lookup?: LookupState;
  renewal?: RenewalState;
  /** One alert carried across a redirect (e.g. a refused step), shown once. */
  flash?: string;
  /** One informational notice carried across a redirect (e.g. the automatic logout), shown once. */
  notice?: string;
}

/** The one small interface the services use; memory today, anything tomorrow. */
export interface Store {
  getCustomer(userId: string): Customer | undefined;
  findCustomerByRrn(rrn: string): Customer | undefined;
  findCustomerByPhone(phone: string): Customer | undefined;
  putCustomer(customer: Customer): void;
  deleteCustomer(userId: string): void;
  /** Every customer's user ID (the test-support API's leftover check). */
  customerIds(): string[];

  certificatesOf(rrn: string): Certificate[];
  getCertificate(serial: string): Certificate | undefined;
  putCertificate(cert: Certificate): void;
  deleteCertificatesOf(rrn: string): void;

  getPhone(number: string): Phone | undefined;
  putPhone(phone: Phone): void;
  deletePhone(number: string): void;

  getChallenge(id: string): Challenge | undefined;
  challengesFor(phone: string): Challenge[];
  putChallenge(challenge: Challenge): void;
  deleteChallengesFor(phone: string): void;

  getSession(id: string): Session | undefined;
  putSession(session: Session): void;
}

export class MemoryStore implements Store {
  private customers = new Map<string, Customer>();
  private certificates = new Map<string, Certificate>();
  private phones = new Map<string, Phone>();
  private challenges = new Map<string, Challenge>();
  private sessions = new Map<string, Session>();

  getCustomer(userId: string) {
    return this.customers.get(userId);
  }
  findCustomerByRrn(rrn: string) {
    return [...this.customers.values()].find((c) => c.rrn === rrn);
  }
  findCustomerByPhone(phone: string) {
    return [...this.customers.values()].find((c) => c.phone === phone);
  }
  putCustomer(customer: Customer) {
    this.customers.set(customer.userId, customer);
  }
  deleteCustomer(userId: string) {
    this.customers.delete(userId);
  }
  customerIds() {
    return [...this.customers.keys()];
  }

  certificatesOf(rrn: string) {
    return [...this.certificates.values()].filter((c) => c.rrn === rrn);
  }
  getCertificate(serial: string) {
    return this.certificates.get(serial);
  }
  putCertificate(cert: Certificate) {
    this.certificates.set(cert.serial, cert);
  }
  deleteCertificatesOf(rrn: string) {
    for (const cert of this.certificatesOf(rrn)) this.certificates.delete(cert.serial);
  }

  getPhone(number: string) {
    return this.phones.get(number);
  }
  putPhone(phone: Phone) {
    this.phones.set(phone.number, phone);
  }
  deletePhone(number: string) {
    this.phones.delete(number);
  }

  getChallenge(id: string) {
    return this.challenges.get(id);
  }
  challengesFor(phone: string) {
    return [...this.challenges.values()].filter((c) => c.phone === phone);
  }
  putChallenge(challenge: Challenge) {
    this.challenges.set(challenge.id, challenge);
  }
  deleteChallengesFor(phone: string) {
    for (const c of this.challengesFor(phone)) this.challenges.delete(c.id);
  }

  getSession(id: string) {
    return this.sessions.get(id);
  }
  putSession(session: Session) {
    this.sessions.set(session.id, session);
  }
}
