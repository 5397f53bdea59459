// The safety code: fixed vectors (computed independently with Node's crypto.hkdfSync), the same code
// from every copy of the same key, another code for another room or key, and the word lists.
import { expect } from '@open-wc/testing';
import { fromBase64Url } from '../../src/encoding/bytes.js';
import { deriveSafetyCode, safetyCodeFromBits } from '../../src/features/call/safety-code.js';
import { safetyWordsEn } from '../../src/features/call/safety-words.en.js';
import { safetyWordsFr } from '../../src/features/call/safety-words.fr.js';
import { cleanUpTestServices, createTestServices, installTestKit } from './helpers.js';

/** A 32-byte room secret as the kit installer imports it: non-extractable HKDF material. */
function importRoomKey(secret: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits', 'deriveKey']);
}

const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i); // 00 01 02 … 1f

describe('the safety code', () => {
  afterEach(cleanUpTestServices);

  it('matches the reference vectors', async () => {
    // HKDF-SHA-256(secret 00…1f, salt "tocsin safety code v1", info room name), 4 bytes.
    const vectors = [
      {
        secret: SECRET,
        room: 'cellule-de-crise',
        bytes: [123, 26, 47, 83], // 7b1a2f53
        en: ['lantern', 'bucket', 'clover', 'gadget'],
        fr: ['goutte', 'biscuit', 'canoë', 'cuillère'],
        digits: ['065', '313', '619'], // 2065313619 mod 10⁹
      },
      {
        secret: SECRET,
        room: 'cellule-de-crise-2',
        bytes: [84, 165, 29, 167],
        en: ['galaxy', 'panda', 'button', 'paper'],
        fr: ['cygne', 'melon', 'bonbon', 'miel'],
        digits: ['420', '107', '175'],
      },
      {
        secret: new Uint8Array(32).fill(0xab),
        room: 'cellule-de-crise',
        bytes: [60, 49, 174, 97],
        en: ['cupboard', 'coffee', 'pelican', 'harp'],
        fr: ['chèvre', 'cartable', 'musée', 'éventail'],
        digits: ['009', '888', '865'],
      },
    ];
    for (const vector of vectors) {
      const code = await deriveSafetyCode(await importRoomKey(vector.secret), vector.room);
      expect(code.words.en, vector.room).to.deep.equal(vector.en);
      expect(code.words.fr, vector.room).to.deep.equal(vector.fr);
      expect(code.digits, vector.room).to.deep.equal(vector.digits);
      expect(safetyCodeFromBits(Uint8Array.from(vector.bytes))).to.deep.equal(code);
    }
  });

  it('is the same from every copy of the key, and differs with the room or the key', async () => {
    const first = await deriveSafetyCode(await importRoomKey(SECRET), 'cellule-de-crise');
    const second = await deriveSafetyCode(await importRoomKey(SECRET.slice()), 'cellule-de-crise');
    expect(second).to.deep.equal(first);

    const otherRoom = await deriveSafetyCode(await importRoomKey(SECRET), 'cellule-de-crise ');
    const otherSecret = SECRET.slice();
    otherSecret[31] ^= 1;
    const otherKey = await deriveSafetyCode(await importRoomKey(otherSecret), 'cellule-de-crise');
    for (const other of [otherRoom, otherKey]) {
      expect(other.digits).to.not.deep.equal(first.digits);
      expect(other.words.en).to.not.deep.equal(first.words.en);
    }
  });

  it('is the same from the key an installed kit holds as from its secret', async () => {
    const services = createTestServices();
    const kit = await installTestKit(services, { roomName: 'cellule-mairie' });
    const access = (await services.crisisKit.roomAccess())!;
    expect(access.roomKey.extractable).to.equal(false);
    const fromDevice = await deriveSafetyCode(access.roomKey, access.room.roomName);
    const secret = fromBase64Url(kit.content.room.e2eeSecret) as Uint8Array<ArrayBuffer>;
    const fromSecret = await deriveSafetyCode(await importRoomKey(secret), 'cellule-mairie');
    expect(fromDevice).to.deep.equal(fromSecret);
  });

  it('takes every word from its list and writes the digits as three groups of three', () => {
    expect(safetyCodeFromBits(new Uint8Array(4))).to.deep.equal({
      words: { en: Array(4).fill(safetyWordsEn[0]), fr: Array(4).fill(safetyWordsFr[0]) },
      digits: ['000', '000', '000'],
    });
    const max = safetyCodeFromBits(new Uint8Array(4).fill(255));
    expect(max.words.en).to.deep.equal(Array(4).fill(safetyWordsEn[255]));
    expect(max.digits).to.deep.equal(['294', '967', '295']); // 4294967295 mod 10⁹
    expect(() => safetyCodeFromBits(new Uint8Array(3))).to.throw(RangeError);
  });

  for (const [language, list] of [
    ['English', safetyWordsEn],
    ['French', safetyWordsFr],
  ] as const) {
    it(`has 256 distinct, short, single ${language} words`, () => {
      expect(list).to.have.length(256);
      const plain = list.map((word) => word.normalize('NFD').replace(/\p{M}/gu, ''));
      expect(new Set(plain).size, 'distinct even without accents').to.equal(256);
      for (const word of list) {
        expect(word, word).to.match(/^\p{Ll}+$/u);
        expect(word.length, word).to.be.within(3, 10);
      }
      // No word is a prefix of another one: "chemin" and "cheminée" would be heard alike.
      for (const word of plain) {
        const longer = plain.find((other) => other !== word && other.startsWith(word));
        expect(longer, `${word} is the start of another word`).to.equal(undefined);
      }
    });
  }
});
