// The badge sheet: an A4 PDF of cards to cut out, each with the packer's name, the station and their
// badge as Code 128, big enough for any scanner at arm's length.
import bwipjs from 'bwip-js/node';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';

const mm = 72 / 25.4;
const A4 = { width: 210 * mm, height: 297 * mm };
// One card a row: a scanner aimed at one badge sees only that one.
const COLUMNS = 1;
const ROWS = 7;
const MARGIN = 12 * mm;
const CARD = {
  width: (A4.width - 2 * MARGIN) / COLUMNS,
  height: (A4.height - 2 * MARGIN) / ROWS,
};

export interface BadgeCard {
  name: string;
  badge: string;
}

/** What the standard font can print of a name: accents dropped, anything else as `?`. */
function printable(font: PDFFont, text: string): string {
  return [...text]
    .map((char) => {
      for (const candidate of [char, char.normalize('NFD').replace(/\p{M}/gu, '')]) {
        try {
          font.encodeText(candidate);
          if (candidate) return candidate;
        } catch {
          // not in WinAnsi: try the next form
        }
      }
      return '?';
    })
    .join('');
}

export async function badgeSheet(cards: BadgeCard[], station: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Packdesk badges - ${station}`);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const perPage = COLUMNS * ROWS;
  if (cards.length === 0) doc.addPage([A4.width, A4.height]);
  for (let index = 0; index < cards.length; index++) {
    const card = cards[index]!;
    const page =
      index % perPage === 0
        ? doc.addPage([A4.width, A4.height])
        : doc.getPage(doc.getPageCount() - 1);
    const slot = index % perPage;
    const x = MARGIN + (slot % COLUMNS) * CARD.width;
    const top = A4.height - MARGIN - Math.floor(slot / COLUMNS) * CARD.height;
    page.drawRectangle({
      x: x + 2 * mm,
      y: top - CARD.height + 2 * mm,
      width: CARD.width - 4 * mm,
      height: CARD.height - 4 * mm,
      borderWidth: 0.5,
      borderColor: rgb(0.6, 0.6, 0.6),
    });
    page.drawText(printable(bold, card.name).slice(0, 40), {
      x: x + 7 * mm,
      y: top - 12 * mm,
      size: 14,
      font: bold,
    });
    // The sheet carries no words, only names and codes: it reads the same in every language.
    page.drawText(printable(font, station).slice(0, 50), {
      x: x + 7 * mm,
      y: top - 18 * mm,
      size: 8,
      font,
    });
    const png = await bwipjs.toBuffer({
      bcid: 'code128',
      text: card.badge,
      scale: 3,
      height: 12,
      includetext: true,
      textxalign: 'center',
    });
    const image = await doc.embedPng(png);
    const width = Math.min(CARD.width - 14 * mm, image.width * 0.3);
    const height = (image.height / image.width) * width;
    page.drawImage(image, { x: x + 7 * mm, y: top - 22 * mm - height, width, height });
  }
  return Buffer.from(await doc.save());
}
