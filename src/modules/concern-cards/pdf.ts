/**
 * Concern cards as a PDF: one card per page (card stock), or four to an A4 sheet with cut lines.
 * Large type for older villagers; the QR code drawn as vector squares (sharp on any printer) and
 * 28 mm wide so an old phone reads it at arm's length.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CjkFont } from './font.js';
import { CARD, layoutGeometry, mm, NO_CADRES, NO_PHONE, slotOf, type CardModel, type Layout } from './rules.js';

const RED = '#C8161D';
const INK = '#1F1F1F';
const GREY = '#5C5C5C';
const LINE = '#D9D9D9';
const PAD = mm(6);
/** The code without its quiet zone: above the 25 mm an old phone needs at arm's length. */
const QR_SIZE = mm(28);

type Doc = PDFKit.PDFDocument;

/** The QR code's dark modules as a matrix, once per payload (a batch shares one village page). */
function qrMatrix(url: string): { size: number; dark: (row: number, col: number) => boolean } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/** The code itself fills `size`; its quiet zone is the white card around it (the layout keeps 4 modules clear). */
function drawQr(doc: Doc, qr: ReturnType<typeof qrMatrix>, x: number, y: number, size: number): void {
  const cell = size / qr.size;
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (qr.dark(row, col)) doc.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill(INK);
}

function drawCard(doc: Doc, card: CardModel, qr: ReturnType<typeof qrMatrix>, x: number, y: number, cutLines: boolean): void {
  const width = CARD.width;
  const inner = width - 2 * PAD;
  // Every line keeps to its place: a long address or title ends in an ellipsis rather than run into the next line.
  const text = (value: string, at: { x: number; y: number; size: number; color?: string; bold?: boolean; width?: number; align?: 'left' | 'center' | 'right'; lines?: number }) =>
    doc.font(at.bold ? 'cjk-bold' : 'cjk').fontSize(at.size).fillColor(at.color ?? INK)
      .text(value, at.x, at.y, { width: at.width ?? inner, align: at.align ?? 'left', lineGap: 1, height: at.size * 1.6 * (at.lines ?? 1), ellipsis: true });

  if (cutLines) doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#A6A6A6').rect(x, y, width, CARD.height).stroke().undash().restore();
  else doc.save().lineWidth(1.2).strokeColor(RED).rect(x + mm(2), y + mm(2), width - mm(4), CARD.height - mm(4)).stroke().restore();

  // Heading band: what the card is and which village it belongs to.
  const band = mm(25);
  doc.rect(x + mm(2), y + mm(2), width - mm(4), band).fill(RED);
  text(card.heading, { x: x + PAD, y: y + mm(5), size: 24, color: '#FFFFFF', bold: true, align: 'center', width: inner });
  text(card.place, { x: x + PAD, y: y + mm(16), size: 13, color: '#FFFFFF', align: 'center', width: inner });

  let cursor = y + mm(2) + band + mm(4);
  text('户　　主', { x: x + PAD, y: cursor, size: 9, color: GREY });
  text(card.household, { x: x + PAD + mm(16), y: cursor - mm(1.6), size: 18, bold: true, width: inner - mm(16) });
  cursor += mm(8);
  if (card.whereabouts) {
    text('住　　址', { x: x + PAD, y: cursor + mm(0.6), size: 9, color: GREY });
    text(card.whereabouts, { x: x + PAD + mm(16), y: cursor, size: 11.5, width: inner - mm(16) });
  }
  cursor += mm(8);
  doc.save().moveTo(x + PAD, cursor).lineTo(x + width - PAD, cursor).lineWidth(0.6).strokeColor(LINE).stroke().restore();
  cursor += mm(2.5);

  text('联系干部', { x: x + PAD, y: cursor, size: 11, color: RED, bold: true });
  cursor += mm(6);
  if (card.cadres.length === 0) text(NO_CADRES, { x: x + PAD, y: cursor, size: 12, color: GREY });
  for (const cadre of card.cadres) {
    text(cadre.name, { x: x + PAD, y: cursor, size: 14, bold: true, width: mm(26) });
    text(cadre.title ? `${cadre.role} · ${cadre.title}` : cadre.role, { x: x + PAD + mm(26), y: cursor + mm(1.2), size: 9, color: GREY, width: inner - mm(26) });
    text(cadre.phone, { x: x + PAD, y: cursor + mm(5.6), size: 15, bold: true, color: cadre.phone === NO_PHONE ? GREY : INK });
    cursor += mm(12.5);
  }

  // The QR block sits at the foot of the card wherever the cadres end.
  const qrTop = y + CARD.height - mm(10) - QR_SIZE;
  doc.save().moveTo(x + PAD, qrTop - mm(4)).lineTo(x + width - PAD, qrTop - mm(4)).lineWidth(0.6).strokeColor(LINE).stroke().restore();
  drawQr(doc, qr, x + PAD, qrTop, QR_SIZE);
  const right = x + PAD + QR_SIZE + mm(4);
  const rightWidth = width - PAD - (right - x);
  text(card.instruction, { x: right, y: qrTop + mm(0.5), size: 10.5, bold: true, width: rightWidth, lines: 2 });
  let stepY = qrTop + mm(11.5);
  card.steps.forEach((step, i) => {
    text(`${i + 1}. ${step}`, { x: right, y: stepY, size: 9, color: INK, width: rightWidth });
    stepY += mm(5.8);
  });
  text(card.issuer, { x: x + PAD, y: y + CARD.height - mm(7), size: 7.5, color: GREY, align: 'center', width: inner });
}

/** The cards in order as one PDF; every card of a batch shares the village page's QR code when its URL is the same. */
export async function renderCards(cards: CardModel[], layout: Layout, font: CjkFont, title: string): Promise<Buffer> {
  const geometry = layoutGeometry(layout);
  const doc = new PDFDocument({ size: [geometry.page.width, geometry.page.height], margin: 0, autoFirstPage: false, info: { Title: title, Author: cards[0]?.issuer ?? '', Creator: 'Grassroots' } });
  doc.registerFont('cjk', font.regular.path, font.regular.family);
  doc.registerFont('cjk-bold', (font.bold ?? font.regular).path, (font.bold ?? font.regular).family);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const matrices = new Map<string, ReturnType<typeof qrMatrix>>();
  cards.forEach((card, index) => {
    const slot = slotOf(index, geometry);
    if (index % geometry.perPage === 0) doc.addPage();
    const qr = matrices.get(card.url) ?? matrices.set(card.url, qrMatrix(card.url)).get(card.url)!;
    drawCard(doc, card, qr, slot.x, slot.y, layout === 'sheet');
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
