// Synthesise one text with GnuSpeech (articulatory synthesis; npm package
// @echogarden/gnuspeech-wasm 0.3.0, which ships its English data inside the package) to a
// WAV file. Used by scripts/make-interview-set.py (engine "gnuspeech"); run with node >= 18:
//
//     node scripts/gnuspeech-synth.mjs PKG_DIR VOICE TEMPO TEXT_FILE OUT_WAV
//
// PKG_DIR is the folder that holds node_modules/@echogarden/gnuspeech-wasm (the script
// installs it under fixtures/cache/gnuspeech). VOICE is male or female.
//
// Determinism: the synthesiser's noise source (aspiration, frication) is seeded through
// std::random_device, which Emscripten answers from crypto.getRandomValues(); that is
// replaced here by a fixed xorshift32 byte stream, so the same text gives the same bytes.
import { readFile, writeFile } from 'fs/promises'
import { pathToFileURL } from 'url'
import path from 'path'

let s = 0x9e3779b9 >>> 0
Object.defineProperty(globalThis, 'crypto', {
  configurable: true,
  value: {
    getRandomValues(view) {
      const u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
      for (let i = 0; i < u8.length; i++) {
        s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0
        u8[i] = s & 255
      }
      return view
    },
  },
})

const [pkgDir, voice, tempo, textFile, out] = process.argv.slice(2)
const entry = path.join(path.resolve(pkgDir), 'node_modules', '@echogarden', 'gnuspeech-wasm',
                        'dist', 'exports', 'GnuSpeech.js')
const { synthesize } = await import(pathToFileURL(entry).href)
const text = (await readFile(textFile, 'utf8')).trim()
const { audioData } = await synthesize(text, { voice, tempo: Number(tempo), controlRate: 250 })
await writeFile(out, audioData)
