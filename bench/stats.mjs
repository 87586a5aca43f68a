// Reads whitespace-separated millisecond samples on stdin, prints "median min max n".
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const xs = input.split(/\s+/).filter(Boolean).map(Number).sort((a, b) => a - b);
  if (xs.length === 0) { console.log('- - - 0'); return; }
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? xs[mid] : Math.round((xs[mid - 1] + xs[mid]) / 2);
  console.log(`${median} ${xs[0]} ${xs[xs.length - 1]} ${xs.length}`);
});
