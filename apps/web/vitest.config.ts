import react from '@vitejs/plugin-react'
import { defineProject } from 'vitest/config'

// A Vitest project: the root vitest.config.ts lists it; run alone with `npx vitest run` here.
export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    testTimeout: 15_000,
  },
})
