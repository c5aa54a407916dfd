export { createMailer, type Mailer } from "./outbox.ts";
export {
  createSmtpSender,
  type DeliveryOutcome,
  deliverEmail,
  type SmtpSender,
  type SmtpSettings,
} from "./smtp.ts";
export {
  type RenderedEmail,
  resetPasswordMessage,
  shopInvitationMessage,
  verifyEmailMessage,
} from "./templates.ts";
