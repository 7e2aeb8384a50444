/**
 * The signing process (ADR 0021): started by SigningHost for one request — sign a PDF's
 * field with the eID card, probe a PKCS#11 module, or list the cards in the readers — it answers once and is ended by the
 * app. The card work lives here so that C_Login, which blocks while a real card's middleware
 * asks for the PIN, never blocks the app's main process, and a stuck reader can be
 * abandoned by ending this process.
 *
 * Nothing is stored here: the PDF comes and goes as base64; a test PIN (test tokens only)
 * goes to C_Login and is dropped.
 */
import { applicationPin, middlewarePin } from './pin.js';
import { EidSigner, listCards, probeModule } from './pkcs11.js';
import { serializeError, workerRequest, type SignRequest, type WorkerReply } from './signing-protocol.js';
import { parentPort } from './worker-process.js';

async function sign(req: SignRequest, progress: (reply: WorkerReply) => Promise<void>): Promise<WorkerReply> {
  // The PDF code (pdf-lib, fontkit: about a third of a second to load) only for signing:
  // listing the cards and probing a module answer without it.
  const { signPdf } = await import('./pades.js');
  if (!req.pin) await progress({ kind: 'waiting-for-pin' });
  const pin = req.pin;
  const card = await EidSigner.open({
    ...(req.modulePath ? { modulePath: req.modulePath } : {}),
    ...(req.slotId ? { slotId: BigInt(req.slotId) } : {}),
    pin: pin ? applicationPin(async () => pin) : middlewarePin(),
  });
  try {
    const signed = await signPdf(Buffer.from(req.pdfBase64, 'base64'), {
      field: req.field,
      signer: card,
      ...(req.reason !== undefined ? { reason: req.reason } : {}),
      ...(req.location !== undefined ? { location: req.location } : {}),
      signingTime: new Date(req.signingTime),
    });
    return { kind: 'signed', pdfBase64: Buffer.from(signed.pdf).toString('base64'), field: signed.field, signer: signed.signer, signingTime: signed.signingTime.toISOString() };
  } finally {
    card.close();
  }
}

const port = parentPort();
port.onGone(() => process.exit(1));
let busy = false;
port.onMessage((raw) => {
  if (busy) return; // one request per process
  busy = true;
  void (async () => {
    let reply: WorkerReply;
    try {
      const req = workerRequest.parse(raw);
      if (req.kind === 'probe') reply = { kind: 'probed', probe: probeModule(req.modulePath) };
      else if (req.kind === 'cards') reply = { kind: 'cards', ...listCards({ ...(req.modulePath ? { modulePath: req.modulePath } : {}), now: new Date(req.at) }) };
      else reply = await sign(req, port.send);
    } catch (e) {
      reply = { kind: 'error', error: serializeError(e) };
    }
    await port.send(reply);
  })();
});
