// The environment, parsed once at startup into a read-only object. Empty strings count as unset, so a
// blank line in .env behaves like a missing one.
import { z } from 'zod';

const emptyAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalText = z.preprocess(emptyAsUnset, z.string().optional());

/** A whole number in [min, max]; every way it can be wrong gets the same readable message. */
const wholeNumber = (min: number, max: number, fallback: number, unit = '') => {
  const error = `expected a whole number${unit} from ${min} to ${max}`;
  return z.preprocess(
    emptyAsUnset,
    z.coerce
      .number({ error })
      .int({ error })
      .min(min, { error })
      .max(max, { error })
      .default(fallback),
  );
};

export const Config = z
  .object({
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      emptyAsUnset,
      z
        .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
          error: 'expected one of MultiTenant, SingleTenant, UserAssignedMSI',
        })
        .default('MultiTenant'),
    ),
    MicrosoftAppTenantId: optionalText,
    PORT: wholeNumber(0, 65535, 3978),
    HOST: optionalText,
    LOCAL_SERVICE_URLS: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .default('')
        .transform((list) =>
          list
            .split(',')
            .map((url) => url.trim())
            .filter((url) => url !== ''),
        )
        .pipe(
          z.array(
            z.url({
              protocol: /^https?$/,
              error: 'expected a comma-separated list of http or https URLs',
            }),
          ),
        ),
    ),
    DATA_DIR: z.preprocess(emptyAsUnset, z.string().default('./data')),
    STORAGE: z.preprocess(
      emptyAsUnset,
      z
        .enum(['sqlite', 'blob'], {
          error:
            'expected sqlite (the embedded store in DATA_DIR) or blob (Azure Blob Storage, shared by several instances)',
        })
        .default('sqlite'),
    ),
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: z.preprocess(
      emptyAsUnset,
      z
        .string()
        // Azure's rule for container names.
        .regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, {
          error:
            'expected 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
        })
        .default('aml-network-guide'),
    ),
    STATE_TTL_DAYS: wholeNumber(1, 3650, 30, ' of days'),
    LOG_LEVEL: z.preprocess(
      emptyAsUnset,
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          error: 'expected one of fatal, error, warn, info, debug, trace, silent',
        })
        .default('info'),
    ),
    SHUTDOWN_TIMEOUT_MS: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number({ error: 'expected a number of milliseconds' })
        .int()
        .min(0, { error: 'expected a number of milliseconds' })
        .default(10000),
    ),
  })
  .superRefine((env, ctx) => {
    if (
      env.MicrosoftAppId &&
      !env.MicrosoftAppPassword &&
      env.MicrosoftAppType !== 'UserAssignedMSI'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'required when MicrosoftAppId is set (the client secret of the bot registration)',
      });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `required when MicrosoftAppType is ${env.MicrosoftAppType} (the directory id of the bot registration)`,
      });
    }
    if (env.STORAGE === 'blob' && !env.BLOB_CONNECTION_STRING) {
      ctx.addIssue({
        code: 'custom',
        path: ['BLOB_CONNECTION_STRING'],
        message:
          'required when STORAGE is blob (the connection string of the storage account, from its Access keys page)',
      });
    }
    if (env.MicrosoftAppPassword && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message:
          'required when MicrosoftAppPassword is set (the application id of the bot registration)',
      });
    }
  })
  // Local mode has no authentication, so by default only this machine can reach it; Teams mode
  // sits behind a load balancer or a tunnel and listens on every interface.
  .transform((env) => ({
    ...env,
    HOST: env.HOST ?? (env.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'),
  }));
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {}

/** Parses the environment; the error lists every bad variable with what is expected, never a value. */
export function parseConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const result = Config.safeParse(env);
  if (result.success) return Object.freeze(result.data);
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || 'environment';
    return `  ${name}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

export function isLocalMode(config: Config): boolean {
  return !config.MicrosoftAppId;
}
