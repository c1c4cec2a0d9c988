// Registers every generator in generators/ with plop (see the generate module). Placeholder.
export default function (): void {}
