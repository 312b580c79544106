/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The server reads prepared data under .data/ and the upstream tree at runtime; nothing there is bundled.
  outputFileTracingExcludes: { '*': ['upstream/**', '.cache/**', '.data/**'] },
};

export default nextConfig;
