/** The engine's version, recorded with every run (a change of model behaviour bumps it). */
export const ENGINE_VERSION = '0.2.0';
