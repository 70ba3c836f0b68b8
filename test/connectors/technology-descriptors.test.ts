import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_TECHNOLOGIES } from '../../src/connectors/technologies.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every module `entry` imports statically, transitively: project files by path, packages by name. */
function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    // `import … from 'x'`, `export … from 'x'` and `import 'x'`; `import('x')` is not static.
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s(?:[^'"]*?\sfrom\s)?'([^']+)'/gm)) {
      if (specifier!.startsWith('.')) visit(join(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else packages.add(specifier!);
    }
  };
  visit(join(root, entry));
  return { files, packages };
}

/** What the server may load of src/connectors before a connection is tested or crawled. */
const LIGHT_CONNECTOR_MODULE = /^src\/connectors\/(connector|technology|technologies|registry|connection-schema)\.ts$|^src\/connectors\/shared\/server-connection\.ts$|^src\/connectors\/[a-z]+\/[a-z]+-(technology|setup-script)\.ts$/;

describe('technology descriptors', () => {
  it('keep connector implementations and their drivers out of what the server and the CLI load at start', () => {
    const { files, packages } = staticImports('src/cli/main.ts');
    const connectorModules = [...files].map((file) => relative(root, file)).filter((file) => file.startsWith('src/connectors/'));
    expect(connectorModules).toContain('src/connectors/technologies.ts');
    expect(connectorModules.filter((file) => !LIGHT_CONNECTOR_MODULE.test(file))).toEqual([]);
    // pg is the store's driver too; mysql2 (and later SDKs) only a connector's.
    expect([...packages].filter((name) => name.startsWith('mysql2') || name.startsWith('snowflake-sdk'))).toEqual([]);
  });

  it.each(ALL_TECHNOLOGIES.map((descriptor) => [descriptor.technology, descriptor] as const))(
    '%s loads a connector that matches its descriptor',
    async (technology, descriptor) => {
      const create = await descriptor.loadConnector();
      const connector = create({ technology, authenticationType: 'userPassword', hostname: '127.0.0.1', port: 1 }, descriptor.defaultTimeouts);
      try {
        expect(connector.technology).toBe(technology);
        expect(connector.levels).toEqual(descriptor.levels);
        expect(connector.capabilities).toEqual(descriptor.capabilities);
      } finally {
        await connector.close();
      }
    },
  );

  it('name each secret field among the fields of its authentication type', () => {
    for (const descriptor of ALL_TECHNOLOGIES) {
      for (const authentication of descriptor.authenticationTypes) {
        for (const path of authentication.secretFields) expect(Object.keys(authentication.fields)).toContain(path.split('.')[0]);
      }
    }
  });
});
