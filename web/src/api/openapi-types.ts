// Generated from openapi/openapi.json by `npm run openapi`: do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and store reachability */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List connections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a connection: validate credentials, store it, start the first sync */
        post: {
            parameters: {
                query?: {
                    dryRun?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Letters, digits, space, "-" and "_"; not one of data, connection, object, crawl, search, settings, metadata, permission, sync, bulk, upgrade */
                        connectionKey: string;
                        /** @description The platform and how to sign in; secret fields are write-only (encrypted at rest, shown as [REDACTED]) */
                        connection: ({
                            /** @enum {string} */
                            technology: "PostgreSQL";
                        } & {
                            /** @enum {string} */
                            technology: "PostgreSQL";
                            /**
                             * @description a user name and a password
                             * @enum {string}
                             */
                            authenticationType: "userPassword";
                            /** @description Host name or address of the server */
                            hostname: string;
                            port: number;
                            /** @description Database to connect to first and read the database listing in (default: postgres) */
                            database?: string;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description The system user Warden crawls as */
                            username: string;
                            /** @description The password (write-only: encrypted at rest, shown as [REDACTED]) */
                            password: string;
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        }) | ({
                            /** @enum {string} */
                            technology: "MariaDB";
                        } & {
                            /** @enum {string} */
                            technology: "MariaDB";
                            /**
                             * @description a user name and a password
                             * @enum {string}
                             */
                            authenticationType: "userPassword";
                            /** @description Host name or address of the server */
                            hostname: string;
                            port: number;
                            /** @description Database to connect to (optional: information_schema spans the server) */
                            database?: string;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description The system user Warden crawls as */
                            username: string;
                            /** @description The password (write-only: encrypted at rest, shown as [REDACTED]) */
                            password: string;
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        }) | ({
                            /** @enum {string} */
                            technology: "MySQL";
                        } & {
                            /** @enum {string} */
                            technology: "MySQL";
                            /**
                             * @description a user name and a password
                             * @enum {string}
                             */
                            authenticationType: "userPassword";
                            /** @description Host name or address of the server */
                            hostname: string;
                            port: number;
                            /** @description Database to connect to (optional: information_schema spans the server) */
                            database?: string;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description The system user Warden crawls as */
                            username: string;
                            /** @description The password (write-only: encrypted at rest, shown as [REDACTED]) */
                            password: string;
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        }) | ({
                            /** @enum {string} */
                            technology: "Trino";
                        } & ({
                            /** @enum {string} */
                            technology: "Trino";
                            /**
                             * @description a user name and a password
                             * @enum {string}
                             */
                            authenticationType: "userPassword";
                            /** @description Host name or address of the server */
                            hostname: string;
                            port: number;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description Which catalogs Warden crawls; `system` never is */
                            catalogs?: {
                                /** @description Crawl only these catalogs (exact names); all catalogs when absent */
                                include?: string[];
                                /** @description Never crawl these catalogs (exact names) */
                                exclude?: string[];
                            };
                            /** @description The system user Warden crawls as */
                            username: string;
                            /** @description The password (write-only: encrypted at rest, shown as [REDACTED]) */
                            password: string;
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        } | {
                            /** @enum {string} */
                            technology: "Trino";
                            /**
                             * @description an OAuth 2.0 client-credentials grant at a token URL, then the access token as a bearer token
                             * @enum {string}
                             */
                            authenticationType: "oAuth2";
                            /** @description Host name or address of the server */
                            hostname: string;
                            port: number;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description Which catalogs Warden crawls; `system` never is */
                            catalogs?: {
                                /** @description Crawl only these catalogs (exact names); all catalogs when absent */
                                include?: string[];
                                /** @description Never crawl these catalogs (exact names) */
                                exclude?: string[];
                            };
                            /** @description The Trino user to act as (X-Trino-User); default: the token's principal */
                            username?: string;
                            oAuthClientConfig: {
                                /** @description The identity provider token endpoint (https:// or http://) */
                                tokenUrl: string;
                                clientId: string;
                                /** @description The client secret (write-only: encrypted at rest, shown as [REDACTED]) */
                                clientSecret: string;
                                /** @description Space-separated scopes to ask for */
                                scope?: string;
                                /** @description The audience to ask for, where the identity provider needs one */
                                audience?: string;
                            };
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        })) | ({
                            /** @enum {string} */
                            technology: "Snowflake";
                        } & ({
                            /** @enum {string} */
                            technology: "Snowflake";
                            /**
                             * @description a user name and a password
                             * @enum {string}
                             */
                            authenticationType: "userPassword";
                            /** @description The account host, e.g. xy12345.eu-west-1.snowflakecomputing.com */
                            hostname: string;
                            port: number;
                            /** @description The account identifier; default: the first label of hostname (set it for a private-link or proxy host) */
                            account?: string;
                            /** @description The warehouse the catalog queries run on (USAGE on it) */
                            warehouse: string;
                            /** @description The role Warden crawls as; default: the user's default role */
                            role?: string;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description The integration's Additional Connection String Options (JDBC name=value pairs joined by & or ;), kept as they were; the connector passes none to the driver. Options connections do not support are refused (UNSUPPORTED_CONNECTION_STRING_OPTION): the private key file password (private_key_file_pwd, private_key_pwd) is set with keyPair's privateKeyPassword. Put no secret here: this field is not encrypted. */
                            connectionStringOptions?: string;
                            /** @description The system user Warden crawls as */
                            username: string;
                            /** @description The password (write-only: encrypted at rest, shown as [REDACTED]) */
                            password: string;
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        } | {
                            /** @enum {string} */
                            technology: "Snowflake";
                            /**
                             * @description a private key whose public key is set on the user (ALTER USER … SET RSA_PUBLIC_KEY), optionally encrypted
                             * @enum {string}
                             */
                            authenticationType: "keyPair";
                            /** @description The account host, e.g. xy12345.eu-west-1.snowflakecomputing.com */
                            hostname: string;
                            port: number;
                            /** @description The account identifier; default: the first label of hostname (set it for a private-link or proxy host) */
                            account?: string;
                            /** @description The warehouse the catalog queries run on (USAGE on it) */
                            warehouse: string;
                            /** @description The role Warden crawls as; default: the user's default role */
                            role?: string;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description The integration's Additional Connection String Options (JDBC name=value pairs joined by & or ;), kept as they were; the connector passes none to the driver. Options connections do not support are refused (UNSUPPORTED_CONNECTION_STRING_OPTION): the private key file password (private_key_file_pwd, private_key_pwd) is set with keyPair's privateKeyPassword. Put no secret here: this field is not encrypted. */
                            connectionStringOptions?: string;
                            /** @description The system user Warden crawls as */
                            username: string;
                            privateKey: {
                                /** @description The PEM private key (PKCS#8, `BEGIN PRIVATE KEY` or `BEGIN ENCRYPTED PRIVATE KEY`; write-only: encrypted at rest, shown as [REDACTED]) */
                                content: string;
                                /** @description A name for the key, shown back */
                                keyName?: string;
                                /** @description The file the key came from, shown back */
                                userFilename?: string;
                            };
                            /** @description The passphrase of an encrypted private key (write-only) */
                            privateKeyPassword: string;
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        } | {
                            /** @enum {string} */
                            technology: "Snowflake";
                            /**
                             * @description an OAuth 2.0 client-credentials grant at a token URL (Snowflake OAuth or an external identity provider)
                             * @enum {string}
                             */
                            authenticationType: "oAuthClientCredentials";
                            /** @description The account host, e.g. xy12345.eu-west-1.snowflakecomputing.com */
                            hostname: string;
                            port: number;
                            /** @description The account identifier; default: the first label of hostname (set it for a private-link or proxy host) */
                            account?: string;
                            /** @description The warehouse the catalog queries run on (USAGE on it) */
                            warehouse: string;
                            /** @description The role Warden crawls as; default: the user's default role */
                            role?: string;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description The integration's Additional Connection String Options (JDBC name=value pairs joined by & or ;), kept as they were; the connector passes none to the driver. Options connections do not support are refused (UNSUPPORTED_CONNECTION_STRING_OPTION): the private key file password (private_key_file_pwd, private_key_pwd) is set with keyPair's privateKeyPassword. Put no secret here: this field is not encrypted. */
                            connectionStringOptions?: string;
                            /** @description The Snowflake user the token maps to; default: the token's */
                            username?: string;
                            oAuthClientConfig: {
                                clientId: string;
                                /** @description The client secret (write-only: encrypted at rest, shown as [REDACTED]) */
                                clientSecret: string;
                                /** @description The token endpoint (https://; http:// only for a local identity provider) */
                                authorityUrl: string;
                                /** @description Scopes to ask for; default: session:role:<role> when connection.role is set */
                                scope?: string;
                            };
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        })) | ({
                            /** @enum {string} */
                            technology: "Databricks";
                        } & ({
                            /** @enum {string} */
                            technology: "Databricks";
                            /**
                             * @description a personal access token (dapi…) of a user or service principal
                             * @enum {string}
                             */
                            authenticationType: "token";
                            /** @description The workspace host, e.g. adb-1234567890123456.7.azuredatabricks.net */
                            hostname: string;
                            port: number;
                            /** @description The HTTP path of the SQL warehouse tags are read through (/sql/1.0/warehouses/<id>) */
                            httpPath?: string;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            /** @description The personal access token (write-only: encrypted at rest, shown as [REDACTED]) */
                            token: string;
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        } | {
                            /** @enum {string} */
                            technology: "Databricks";
                            /**
                             * @description a service principal's OAuth secret, exchanged at the workspace's /oidc/v1/token for hour-long access tokens
                             * @enum {string}
                             */
                            authenticationType: "oAuthM2M";
                            /** @description The workspace host, e.g. adb-1234567890123456.7.azuredatabricks.net */
                            hostname: string;
                            port: number;
                            /** @description The HTTP path of the SQL warehouse tags are read through (/sql/1.0/warehouses/<id>) */
                            httpPath?: string;
                            tls?: {
                                /** @description disable: plain TCP; require: TLS without certificate checks; verify-full: TLS checked against ca */
                                mode: "disable" | "require" | "verify-full";
                                /** @description PEM CA bundle for verify-full */
                                ca?: string;
                            };
                            oAuthClientConfig: {
                                /** @description The service principal's application id */
                                clientId: string;
                                /** @description The OAuth secret (write-only: encrypted at rest, shown as [REDACTED]) */
                                clientSecret: string;
                                /**
                                 * @description The scope Databricks documents for workspace-level M2M access
                                 * @enum {string}
                                 */
                                scope: "all-apis";
                                /** @description The token endpoint; default https://<hostname>/oidc/v1/token */
                                authorityUrl?: string;
                            };
                            /**
                             * @description A column added to, or whose type changed on, an enabled table gets the system tag New after a sync (tables new to the catalog do not)
                             * @default true
                             */
                            tagNewColumns?: boolean;
                        }));
                        settings?: {
                            /** @default false */
                            isActive?: boolean;
                            /** @default false */
                            activateNewChildren?: boolean;
                            dataOwners?: {
                                type: "user" | "group";
                                name: string;
                            }[];
                        };
                        options?: {
                            forceRecursiveCrawl?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            dryRun: true;
                            /** @enum {boolean} */
                            valid: true;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connection: components["schemas"]["Connection"];
                            /** @description The first sync: GET /jobs/{id} */
                            syncRunId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/connection/{connectionKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A connection (secrets redacted) with its state, health and last sync run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectionKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /** Change connection details or rotate credentials (validated against the platform first) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectionKey: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The fields to change, as in the registration schema of the technology; secrets not sent again are kept unless the authentication type changes */
                        connection: {
                            /** @description Cannot change; when given, must be the connection's */
                            technology?: string;
                            authenticationType?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/connection/{connectionKey}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the stored credentials against the platform now; records the health */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectionKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/scripts/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The setup script of a technology's system user: exactly the privileges Warden's crawl needs (PostgreSQL, MariaDB/MySQL: SQL; Trino: access-control rules) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The technology (`connection.technology`) whose system user the script sets up */
                        type: "PostgreSQL" | "MariaDB" | "MySQL" | "Trino" | "Snowflake" | "Databricks";
                        /**
                         * @description Always false: the script is for an administrator to run
                         * @enum {boolean}
                         */
                        autoBootstrap?: false;
                        config?: {
                            /**
                             * @description The system user the script creates or grants to
                             * @default warden_sync
                             */
                            username?: string;
                            /** @description Databases (Trino: catalogs) to grant on; all where absent and the platform allows */
                            databases?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            script: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/object/{objectPath}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One data object
         * @description The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). Names "." and ".." cannot travel in a URL (clients resolve them away; the server refuses them with DOT_SEGMENT_IN_URL): use the JSON-array form of this route, the same URL without the path.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" (e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). Type it the same way in "Try it out": it is sent as typed. Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): use the JSON-array form of the route, the same URL without the path.
                     * @example Demo%20Warehouse/postgres/sales/orders
                     */
                    objectPath: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataObject"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an object and its subtree (the connection when the path is just its key)
         * @description The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). Names "." and ".." cannot travel in a URL (clients resolve them away; the server refuses them with DOT_SEGMENT_IN_URL): use the JSON-array form of this route, the same URL without the path.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" (e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). Type it the same way in "Try it out": it is sent as typed. Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): use the JSON-array form of the route, the same URL without the path.
                     * @example Demo%20Warehouse/postgres/sales/orders
                     */
                    objectPath: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objectPath: string[];
                            childCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/object": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One data object
         * @description The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included.
         */
        get: {
            parameters: {
                query: {
                    /** @description The object path as a JSON array of names, connection key first, each name exactly as the platform spells it */
                    objectPath: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataObject"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an object and its subtree (the connection when the path is just its key)
         * @description The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The object path as a JSON array of names, connection key first, each name exactly as the platform spells it
                         * @example [
                         *       "Demo Warehouse",
                         *       "postgres",
                         *       "sales",
                         *       "orders"
                         *     ]
                         */
                        objectPath: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objectPath: string[];
                            childCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/object/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Children of an object
         * @description The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included. Without objectPath: the connections (the roots of all hierarchies).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The object path as a JSON array of names, connection key first, each name exactly as the platform spells it
                         * @example [
                         *       "Demo Warehouse",
                         *       "postgres",
                         *       "sales",
                         *       "orders"
                         *     ]
                         */
                        objectPath?: string[];
                        searchText?: string;
                        state?: "active" | "inactive";
                        /** @description Keep only children of this kind (table, view, schema, …) */
                        kind?: string;
                        /** @description true: only children gone from the platform; false: only those still there */
                        removed?: boolean;
                        /** @description Keep only objects carrying every one of these tags (any source), on themselves or on one of their columns */
                        tags?: string[];
                        /** @default 0 */
                        offset?: number;
                        /** @default 100 */
                        size?: number;
                        /** @default name */
                        sortField?: "name" | "kind" | "createdAt";
                        /** @default asc */
                        sortOrder?: "asc" | "desc";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            hits: components["schemas"]["ObjectSummary"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/object/search/{objectPath}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Children of an object
         * @description The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). Names "." and ".." cannot travel in a URL (clients resolve them away; the server refuses them with DOT_SEGMENT_IN_URL): use the JSON-array form of this route, the same URL without the path.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" (e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). Type it the same way in "Try it out": it is sent as typed. Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): use the JSON-array form of the route, the same URL without the path.
                     * @example Demo%20Warehouse/postgres/sales/orders
                     */
                    objectPath: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        searchText?: string;
                        state?: "active" | "inactive";
                        /** @description Keep only children of this kind (table, view, schema, …) */
                        kind?: string;
                        /** @description true: only children gone from the platform; false: only those still there */
                        removed?: boolean;
                        /** @description Keep only objects carrying every one of these tags (any source), on themselves or on one of their columns */
                        tags?: string[];
                        /** @default 0 */
                        offset?: number;
                        /** @default 100 */
                        size?: number;
                        /** @default name */
                        sortField?: "name" | "kind" | "createdAt";
                        /** @default asc */
                        sortOrder?: "asc" | "desc";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            hits: components["schemas"]["ObjectSummary"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/settings/{objectPath}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Override or clear (null) settings; cascade also clears the descendants’ overrides of those keys
         * @description The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). Names "." and ".." cannot travel in a URL (clients resolve them away; the server refuses them with DOT_SEGMENT_IN_URL): use the JSON-array form of this route, the same URL without the path.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" (e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). Type it the same way in "Try it out": it is sent as typed. Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): use the JSON-array form of the route, the same URL without the path.
                     * @example Demo%20Warehouse/postgres/sales/orders
                     */
                    objectPath: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null clears the override so the object inherits */
                        settings: {
                            isActive?: boolean | null;
                            activateNewChildren?: boolean | null;
                            dataOwners?: {
                                type: "user" | "group";
                                name: string;
                            }[] | null;
                        };
                        /**
                         * @description Also clear the descendants' overrides of the keys set
                         * @default false
                         */
                        cascade?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataObject"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Override or clear (null) settings; cascade also clears the descendants’ overrides of those keys
         * @description The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The object path as a JSON array of names, connection key first, each name exactly as the platform spells it
                         * @example [
                         *       "Demo Warehouse",
                         *       "postgres",
                         *       "sales",
                         *       "orders"
                         *     ]
                         */
                        objectPath: string[];
                        /** @description null clears the override so the object inherits */
                        settings: {
                            isActive?: boolean | null;
                            activateNewChildren?: boolean | null;
                            dataOwners?: {
                                type: "user" | "group";
                                name: string;
                            }[] | null;
                        };
                        /**
                         * @description Also clear the descendants' overrides of the keys set
                         * @default false
                         */
                        cascade?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataObject"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/crawl/{objectPath}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sync of the subtree (joins a queued sync that already covers it)
         * @description The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). Names "." and ".." cannot travel in a URL (clients resolve them away; the server refuses them with DOT_SEGMENT_IN_URL): use the JSON-array form of this route, the same URL without the path. The path may name objects not yet in the catalog, e.g. a table just granted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" (e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). Type it the same way in "Try it out": it is sent as typed. Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): use the JSON-array form of the route, the same URL without the path.
                     * @example Demo%20Warehouse/postgres/sales/orders
                     */
                    objectPath: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Descend into disabled objects too
                         * @default false
                         */
                        forceRecursiveCrawl?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            syncRunId: string;
                            joined: boolean;
                            job: components["schemas"]["Job"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/crawl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sync of the subtree (joins a queued sync that already covers it)
         * @description The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included. The path may name objects not yet in the catalog, e.g. a table just granted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The object path as a JSON array of names, connection key first, each name exactly as the platform spells it
                         * @example [
                         *       "Demo Warehouse",
                         *       "postgres",
                         *       "sales",
                         *       "orders"
                         *     ]
                         */
                        objectPath: string[];
                        /**
                         * @description Descend into disabled objects too
                         * @default false
                         */
                        forceRecursiveCrawl?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            syncRunId: string;
                            joined: boolean;
                            job: components["schemas"]["Job"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs, newest first */
        get: {
            parameters: {
                query?: {
                    connectionKey?: string;
                    state?: "created" | "active" | "completed" | "failed" | "cancelled";
                    offset?: number;
                    size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            hits: components["schemas"]["Job"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs, newest first (same as GET /jobs) */
        get: {
            parameters: {
                query?: {
                    connectionKey?: string;
                    state?: "created" | "active" | "completed" | "failed" | "cancelled";
                    offset?: number;
                    size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            hits: components["schemas"]["Job"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job: state, progress, counts, errors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/sync-runs/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The per-object changes of a sync run */
        get: {
            parameters: {
                query?: {
                    offset?: number;
                    size?: number;
                    change?: "added" | "removed" | "restored" | "renamed" | "moved" | "changed" | "conflict" | "tagAdded" | "tagRemoved" | "tagChanged" | "columnRenamed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            hits: {
                                objectId: number | null;
                                objectPath: string[];
                                change: string;
                                details: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataSource": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Data sources: by name, with facets
         * @description Enabled data sources, and legacy data sources in any state (deleted: true when disabled). Legacy data sources are found by their user-chosen names.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Part of the data source name (a legacy one's user-chosen name), any case */
                    searchText?: string;
                    connectionKey?: string;
                    /** @description Repeatable (tag=A&tag=B): only data sources carrying every one, on themselves or a column, from any source */
                    tag?: string[];
                    /** @description Repeatable (technologies, any of them) */
                    blobHandlerType?: string[];
                    /** @description Repeatable (legacy connection strings, any of them) */
                    connectionString?: string[];
                    /** @description The remote schema of legacy data sources */
                    schema?: string;
                    /** @description Repeatable (data source ids, any of them) */
                    dataSourceIds?: number[];
                    /** @description Repeatable (statuses, any of them) */
                    status?: ("passed" | "failed")[];
                    sortField?: "name" | "createdAt";
                    sortOrder?: "asc" | "desc";
                    offset?: number;
                    size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            hits: {
                                /** @description The data source id (not the object id): stable across disabling, renames and moves */
                                id: number;
                                /** @description A legacy data source's user-chosen name; a connection's: the generated name (the path joined with ".") */
                                name: string;
                                /** @description The platform's comment on the table */
                                description: string | null;
                                /** @enum {string} */
                                type: "queryable";
                                /** @description The technology */
                                blobHandlerType: string;
                                /** @description legacy: registered through POST /{prefix}/handler; connection: a connection's */
                                origin: "legacy" | "connection";
                                /** @description Legacy: username@host:port/database, what groups data sources with the same connection details; null for a connection's */
                                connectionString: string | null;
                                remoteDatabase: string | null;
                                /** @description MariaDB/MySQL legacy data sources: the database; a connection's two-level technologies: null */
                                remoteSchema: string | null;
                                remoteTable: string;
                                sqlSchemaName: string | null;
                                sqlTableName: string | null;
                                /** @description The schema project (legacy data sources) */
                                schemaEvolutionId: number | null;
                                /** @description failed: the table is gone from the platform (Warden runs no other health checks) */
                                status: "passed" | "failed";
                                /** @description true = disabled (the legacy soft delete), or its table is gone; only legacy data sources are listed and shown while disabled */
                                deleted: boolean;
                                /** @description A legacy data source's: its hidden connection (legacy:<technology>:<connectionString>) */
                                connectionKey: string;
                                objectPath: string[];
                                kind: string;
                                comment: string | null;
                                createdAt: string;
                                /** @description Tags on the data source itself (its columns' are in its dictionary) */
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            /** @description Counts over every matching data source (not just the page): tags (the 50 most used), technologies, statuses */
                            facets: {
                                tags: {
                                    name: string;
                                    count: number;
                                }[];
                                blobHandlerTypes: {
                                    name: string;
                                    count: number;
                                }[];
                                statuses: {
                                    name: string;
                                    count: number;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataSource/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One data source: its data object and the legacy data source fields */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The data source's data object with the legacy data source fields */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Connection key first, then the platform names, exact spelling */
                            objectPath: string[];
                            technology: string;
                            /** @description connection, database, schema, table, view, materializedView, partitionedTable, foreignTable, … */
                            kind: string;
                            state: "active" | "inactive";
                            /** @description Gone from the platform: kept, disabled, until deleted */
                            removed: boolean;
                            /** @description Only the settings overridden on this object */
                            overrides: {
                                isActive?: boolean;
                                activateNewChildren?: boolean;
                                dataOwners?: {
                                    type: "user" | "group";
                                    name: string;
                                }[];
                            };
                            /** @description Leaves: the path joined with "." */
                            dataSourceName?: string;
                            dataSourceId: number;
                            /** @description Platform identifier (PostgreSQL OID) used to recognise renames */
                            stableId: string | null;
                            comment: string | null;
                            /** @description Children still present on the platform */
                            childCount: number;
                            /** @description Tags on the object itself, every source (its columns' tags are with the columns) */
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            settings: {
                                isActive: {
                                    value: boolean;
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                                activateNewChildren: {
                                    value: boolean;
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                                dataOwners: {
                                    value: {
                                        type: "user" | "group";
                                        name: string;
                                    }[];
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                            };
                            /** @description Leaves: the data dictionary */
                            columns?: {
                                name: string;
                                ordinal: number;
                                /** @description The platform type as the platform writes it */
                                type: string;
                                /** @description False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain) */
                                nullable: boolean;
                                /** @description The default as SQL; null when none and for a generated column */
                                defaultValue: string | null;
                                /** @description A generated column: how it is computed; null for an ordinary column */
                                generated: {
                                    /** @description The generation expression as the platform writes it */
                                    expression: string;
                                    /** @description Computed on write and stored (true), or on read (virtual, false) */
                                    stored: boolean;
                                } | null;
                                comment: string | null;
                                /** @description The column's tags, every source */
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            removedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            lastSync: {
                                syncRunId: string;
                                at: string;
                            } | null;
                            /** @description The data source id (not the object id): stable across disabling, renames and moves */
                            id: number;
                            /** @description A legacy data source's user-chosen name; a connection's: the generated name (the path joined with ".") */
                            name: string;
                            /** @description The platform's comment on the table */
                            description: string | null;
                            /** @enum {string} */
                            type: "queryable";
                            /** @description The technology */
                            blobHandlerType: string;
                            /** @description legacy: registered through POST /{prefix}/handler; connection: a connection's */
                            origin: "legacy" | "connection";
                            /** @description Legacy: username@host:port/database, what groups data sources with the same connection details; null for a connection's */
                            connectionString: string | null;
                            remoteDatabase: string | null;
                            /** @description MariaDB/MySQL legacy data sources: the database; a connection's two-level technologies: null */
                            remoteSchema: string | null;
                            remoteTable: string;
                            sqlSchemaName: string | null;
                            sqlTableName: string | null;
                            /** @description The schema project (legacy data sources) */
                            schemaEvolutionId: number | null;
                            /** @description failed: the table is gone from the platform (Warden runs no other health checks) */
                            status: "passed" | "failed";
                            /** @description true = disabled (the legacy soft delete), or its table is gone; only legacy data sources are listed and shown while disabled */
                            deleted: boolean;
                            /** @description PUT /dataSource/{id}/overrideHost's last value (recorded and shown; crawls keep the connection's host) */
                            overrideHost: {
                                host: string;
                                HTTPPath: string | null;
                                manual: boolean;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /** Edit a legacy data source: rename it, or disable (deleted: true) or enable it (deleted: false) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            /** @description A partial edit. Other fields of the legacy data source object (GET-modify-PUT) are accepted and left as they are */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A new name (legacy data sources; unique within the instance) */
                        name?: string;
                        /** @description true disables the data source, false enables it again */
                        deleted?: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description The data source's data object with the legacy data source fields */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Connection key first, then the platform names, exact spelling */
                            objectPath: string[];
                            technology: string;
                            /** @description connection, database, schema, table, view, materializedView, partitionedTable, foreignTable, … */
                            kind: string;
                            state: "active" | "inactive";
                            /** @description Gone from the platform: kept, disabled, until deleted */
                            removed: boolean;
                            /** @description Only the settings overridden on this object */
                            overrides: {
                                isActive?: boolean;
                                activateNewChildren?: boolean;
                                dataOwners?: {
                                    type: "user" | "group";
                                    name: string;
                                }[];
                            };
                            /** @description Leaves: the path joined with "." */
                            dataSourceName?: string;
                            dataSourceId: number;
                            /** @description Platform identifier (PostgreSQL OID) used to recognise renames */
                            stableId: string | null;
                            comment: string | null;
                            /** @description Children still present on the platform */
                            childCount: number;
                            /** @description Tags on the object itself, every source (its columns' tags are with the columns) */
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            settings: {
                                isActive: {
                                    value: boolean;
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                                activateNewChildren: {
                                    value: boolean;
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                                dataOwners: {
                                    value: {
                                        type: "user" | "group";
                                        name: string;
                                    }[];
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                            };
                            /** @description Leaves: the data dictionary */
                            columns?: {
                                name: string;
                                ordinal: number;
                                /** @description The platform type as the platform writes it */
                                type: string;
                                /** @description False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain) */
                                nullable: boolean;
                                /** @description The default as SQL; null when none and for a generated column */
                                defaultValue: string | null;
                                /** @description A generated column: how it is computed; null for an ordinary column */
                                generated: {
                                    /** @description The generation expression as the platform writes it */
                                    expression: string;
                                    /** @description Computed on write and stored (true), or on read (virtual, false) */
                                    stored: boolean;
                                } | null;
                                comment: string | null;
                                /** @description The column's tags, every source */
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            removedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            lastSync: {
                                syncRunId: string;
                                at: string;
                            } | null;
                            /** @description The data source id (not the object id): stable across disabling, renames and moves */
                            id: number;
                            /** @description A legacy data source's user-chosen name; a connection's: the generated name (the path joined with ".") */
                            name: string;
                            /** @description The platform's comment on the table */
                            description: string | null;
                            /** @enum {string} */
                            type: "queryable";
                            /** @description The technology */
                            blobHandlerType: string;
                            /** @description legacy: registered through POST /{prefix}/handler; connection: a connection's */
                            origin: "legacy" | "connection";
                            /** @description Legacy: username@host:port/database, what groups data sources with the same connection details; null for a connection's */
                            connectionString: string | null;
                            remoteDatabase: string | null;
                            /** @description MariaDB/MySQL legacy data sources: the database; a connection's two-level technologies: null */
                            remoteSchema: string | null;
                            remoteTable: string;
                            sqlSchemaName: string | null;
                            sqlTableName: string | null;
                            /** @description The schema project (legacy data sources) */
                            schemaEvolutionId: number | null;
                            /** @description failed: the table is gone from the platform (Warden runs no other health checks) */
                            status: "passed" | "failed";
                            /** @description true = disabled (the legacy soft delete), or its table is gone; only legacy data sources are listed and shown while disabled */
                            deleted: boolean;
                            /** @description PUT /dataSource/{id}/overrideHost's last value (recorded and shown; crawls keep the connection's host) */
                            overrideHost: {
                                host: string;
                                HTTPPath: string | null;
                                manual: boolean;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a legacy data source: the first call disables it, the next removes it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            id: number;
                            name: string;
                            /** @description true: removed; false: disabled (the first DELETE) */
                            hardDelete: boolean;
                            disabled: boolean;
                            schemaEvolutionId: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataSource/bulk/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Delete (two stages, as DELETE), restore (enable) or disable legacy data sources; all or none */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: "delete" | "restore" | "disable";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: number[];
                        /** @description Accepted and not used */
                        update?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            type: string;
                            results: {
                                /** @enum {boolean} */
                                success: true;
                                id: number;
                                name: string;
                                /** @description true: removed; false: disabled (the first DELETE) */
                                hardDelete: boolean;
                                disabled: boolean;
                                schemaEvolutionId: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataSource/{id}/overrideHost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record the host a legacy data source's connection details name instead
         * @description Recorded and shown as overrideHost; crawls keep using the connection details the data source was registered with.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The host name (no scheme, no path) */
                        host: string;
                        HTTPPath?: string;
                        /**
                         * @description Set by a person (true) or an automatic process
                         * @default true
                         */
                        manual?: boolean;
                    };
                };
            };
            responses: {
                /** @description The data source's data object with the legacy data source fields */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Connection key first, then the platform names, exact spelling */
                            objectPath: string[];
                            technology: string;
                            /** @description connection, database, schema, table, view, materializedView, partitionedTable, foreignTable, … */
                            kind: string;
                            state: "active" | "inactive";
                            /** @description Gone from the platform: kept, disabled, until deleted */
                            removed: boolean;
                            /** @description Only the settings overridden on this object */
                            overrides: {
                                isActive?: boolean;
                                activateNewChildren?: boolean;
                                dataOwners?: {
                                    type: "user" | "group";
                                    name: string;
                                }[];
                            };
                            /** @description Leaves: the path joined with "." */
                            dataSourceName?: string;
                            dataSourceId: number;
                            /** @description Platform identifier (PostgreSQL OID) used to recognise renames */
                            stableId: string | null;
                            comment: string | null;
                            /** @description Children still present on the platform */
                            childCount: number;
                            /** @description Tags on the object itself, every source (its columns' tags are with the columns) */
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            settings: {
                                isActive: {
                                    value: boolean;
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                                activateNewChildren: {
                                    value: boolean;
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                                dataOwners: {
                                    value: {
                                        type: "user" | "group";
                                        name: string;
                                    }[];
                                    hasDescendantsWithOverrides: boolean;
                                    /** @description How many objects below override this setting: what cascade would clear */
                                    descendantOverrides: number;
                                };
                            };
                            /** @description Leaves: the data dictionary */
                            columns?: {
                                name: string;
                                ordinal: number;
                                /** @description The platform type as the platform writes it */
                                type: string;
                                /** @description False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain) */
                                nullable: boolean;
                                /** @description The default as SQL; null when none and for a generated column */
                                defaultValue: string | null;
                                /** @description A generated column: how it is computed; null for an ordinary column */
                                generated: {
                                    /** @description The generation expression as the platform writes it */
                                    expression: string;
                                    /** @description Computed on write and stored (true), or on read (virtual, false) */
                                    stored: boolean;
                                } | null;
                                comment: string | null;
                                /** @description The column's tags, every source */
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            removedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            lastSync: {
                                syncRunId: string;
                                at: string;
                            } | null;
                            /** @description The data source id (not the object id): stable across disabling, renames and moves */
                            id: number;
                            /** @description A legacy data source's user-chosen name; a connection's: the generated name (the path joined with ".") */
                            name: string;
                            /** @description The platform's comment on the table */
                            description: string | null;
                            /** @enum {string} */
                            type: "queryable";
                            /** @description The technology */
                            blobHandlerType: string;
                            /** @description legacy: registered through POST /{prefix}/handler; connection: a connection's */
                            origin: "legacy" | "connection";
                            /** @description Legacy: username@host:port/database, what groups data sources with the same connection details; null for a connection's */
                            connectionString: string | null;
                            remoteDatabase: string | null;
                            /** @description MariaDB/MySQL legacy data sources: the database; a connection's two-level technologies: null */
                            remoteSchema: string | null;
                            remoteTable: string;
                            sqlSchemaName: string | null;
                            sqlTableName: string | null;
                            /** @description The schema project (legacy data sources) */
                            schemaEvolutionId: number | null;
                            /** @description failed: the table is gone from the platform (Warden runs no other health checks) */
                            status: "passed" | "failed";
                            /** @description true = disabled (the legacy soft delete), or its table is gone; only legacy data sources are listed and shown while disabled */
                            deleted: boolean;
                            /** @description PUT /dataSource/{id}/overrideHost's last value (recorded and shown; crawls keep the connection's host) */
                            overrideHost: {
                                host: string;
                                HTTPPath: string | null;
                                manual: boolean;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dictionary/{dataSourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A data source's data dictionary: the platform's columns, user-set descriptions over the platform's comments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    dataSourceId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dataSourceId: number;
                            dataSourceName: string;
                            /** @description The platform's dictionary */
                            columns: {
                                name: string;
                                ordinal: number;
                                /** @description The platform type as the platform writes it */
                                type: string;
                                /** @description False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain) */
                                nullable: boolean;
                                /** @description The default as SQL; null when none and for a generated column */
                                defaultValue: string | null;
                                /** @description A generated column: how it is computed; null for an ordinary column */
                                generated: {
                                    /** @description The generation expression as the platform writes it */
                                    expression: string;
                                    /** @description Computed on write and stored (true), or on read (virtual, false) */
                                    stored: boolean;
                                } | null;
                                comment: string | null;
                                /** @description The column's tags, every source */
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            /** @description The dictionary id: the data source id */
                            id: number;
                            dataSource: number;
                            /** @description The legacy dictionary */
                            metadata: {
                                name: string;
                                dataType: string;
                                remoteType: string;
                                nullable: boolean;
                                remoteColumn: string;
                                /** @description The user-set description, else the platform's comment */
                                description: string | null;
                                /** @description Who set it (user:<name>); null when it is the platform's */
                                descriptionSetBy: string | null;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            types: string[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /**
         * Replace a legacy data source's user-set column descriptions (GET, change, PUT: columns left out lose theirs)
         * @description Syncs never overwrite these: the platform's comment stays beside them. A description equal to the platform's comment is not stored as the user's.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    dataSourceId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        metadata: ({
                            /** @description A column of the platform dictionary */
                            name: string;
                            /** @description null, empty or left out: no user-set description */
                            description?: string | null;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dataSourceId: number;
                            dataSourceName: string;
                            /** @description The platform's dictionary */
                            columns: {
                                name: string;
                                ordinal: number;
                                /** @description The platform type as the platform writes it */
                                type: string;
                                /** @description False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain) */
                                nullable: boolean;
                                /** @description The default as SQL; null when none and for a generated column */
                                defaultValue: string | null;
                                /** @description A generated column: how it is computed; null for an ordinary column */
                                generated: {
                                    /** @description The generation expression as the platform writes it */
                                    expression: string;
                                    /** @description Computed on write and stored (true), or on read (virtual, false) */
                                    stored: boolean;
                                } | null;
                                comment: string | null;
                                /** @description The column's tags, every source */
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            /** @description The dictionary id: the data source id */
                            id: number;
                            dataSource: number;
                            /** @description The legacy dictionary */
                            metadata: {
                                name: string;
                                dataType: string;
                                remoteType: string;
                                nullable: boolean;
                                remoteColumn: string;
                                /** @description The user-set description, else the platform's comment */
                                description: string | null;
                                /** @description Who set it (user:<name>); null when it is the platform's */
                                descriptionSetBy: string | null;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            types: string[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /**
         * Set user-set descriptions of the named columns of a legacy data source's dictionary
         * @description Syncs never overwrite these: the platform's comment stays beside them. A description equal to the platform's comment is not stored as the user's.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    dataSourceId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        metadata: ({
                            /** @description A column of the platform dictionary */
                            name: string;
                            /** @description null, empty or left out: no user-set description */
                            description?: string | null;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dataSourceId: number;
                            dataSourceName: string;
                            /** @description The platform's dictionary */
                            columns: {
                                name: string;
                                ordinal: number;
                                /** @description The platform type as the platform writes it */
                                type: string;
                                /** @description False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain) */
                                nullable: boolean;
                                /** @description The default as SQL; null when none and for a generated column */
                                defaultValue: string | null;
                                /** @description A generated column: how it is computed; null for an ordinary column */
                                generated: {
                                    /** @description The generation expression as the platform writes it */
                                    expression: string;
                                    /** @description Computed on write and stored (true), or on read (virtual, false) */
                                    stored: boolean;
                                } | null;
                                comment: string | null;
                                /** @description The column's tags, every source */
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            /** @description The dictionary id: the data source id */
                            id: number;
                            dataSource: number;
                            /** @description The legacy dictionary */
                            metadata: {
                                name: string;
                                dataType: string;
                                remoteType: string;
                                nullable: boolean;
                                remoteColumn: string;
                                /** @description The user-set description, else the platform's comment */
                                description: string | null;
                                /** @description Who set it (user:<name>); null when it is the platform's */
                                descriptionSetBy: string | null;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                            types: string[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /** Clear every user-set description of a legacy data source's dictionary (the platform's stays) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    dataSourceId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The remote schemas of legacy data sources, with how many data sources each holds
         * @description Connection schemas are not listed: GET /data/object/{objectPath} shows them.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Part of the schema name, any case */
                    searchText?: string;
                    size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            values: {
                                name: string;
                                count: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataSource/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for ownership of legacy data sources (a pending request each; an owner's is recorded as owner) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dataSourceIds: number[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requests: {
                                /** @description The access record (request) id */
                                id: number;
                                dataSourceId: number;
                                type: "user" | "group";
                                name: string;
                                state: "pending" | "denied" | "owner";
                                denialReasoning: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataSource/{id}/access/{accessId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make an access record's user or group an owner of the data source (state owner), or take it off (denied) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    accessId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description owner: add to the data owners; denied: take off them. subscribed, expert and ingest are refused (UNSUPPORTED_ACCESS_STATE) */
                        state: "denied" | "subscribed" | "expert" | "owner" | "ingest";
                        /** @description Accepted and not used */
                        expiration?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The access record (request) id */
                            id: number;
                            dataSourceId: number;
                            type: "user" | "group";
                            name: string;
                            state: "pending" | "denied" | "owner";
                            denialReasoning: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataSource/{id}/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Leave a legacy data source: the caller is no longer one of its owners, and its request is gone */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            id: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscription/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deny pending access requests
         * @description Each request is denied when the caller owns its data source or holds GOVERNANCE or APPLICATION_ADMIN; the others are listed in failures.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        requests: {
                            id: number;
                            denialReasoning: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            failures: {
                                id: number;
                                errorMessage: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscription/deny/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deny pending access requests by id, or every pending request of one user (type profile) or group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        requestIds?: number[];
                        /** @description With type: the user or group name whose pending requests are all denied */
                        id?: string;
                        type?: "profile" | "group";
                        denialReasoning: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            failures: {
                                id: number;
                                errorMessage: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every integration (secrets redacted) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            type: string;
                            status: "creating" | "enabled" | "editing" | "deleting" | "createError" | "editError" | "deleteError" | "migrating" | "migrateError" | "recurringValidationError";
                            /** @enum {boolean} */
                            autoBootstrap: false;
                            /** @description The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED] */
                            config: {
                                [key: string]: unknown;
                            };
                            validationResults: {
                                status: "passed" | "failed";
                                validationTests: {
                                    name: string;
                                    status: "passed" | "failed";
                                    result?: string;
                                }[];
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            createdBy: string | null;
                        }[];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an integration: stored as `creating`, then `enabled` or `createError` with the validation results */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The technology; legacy-only ones (Amazon S3, Google BigQuery, …) have no connector and are refused */
                        type: "PostgreSQL" | "MariaDB" | "MySQL" | "Trino" | "Snowflake" | "Databricks";
                        /**
                         * @description Always false: run the setup script (POST /integrations/scripts/create) yourself
                         * @enum {boolean}
                         */
                        autoBootstrap?: false;
                        /** @description The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED] */
                        config: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            type: string;
                            status: "creating" | "enabled" | "editing" | "deleting" | "createError" | "editError" | "deleteError" | "migrating" | "migrateError" | "recurringValidationError";
                            /** @enum {boolean} */
                            autoBootstrap: false;
                            /** @description The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED] */
                            config: {
                                [key: string]: unknown;
                            };
                            validationResults: {
                                status: "passed" | "failed";
                                validationTests: {
                                    name: string;
                                    status: "passed" | "failed";
                                    result?: string;
                                }[];
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            createdBy: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One integration with its status and validation results */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            type: string;
                            status: "creating" | "enabled" | "editing" | "deleting" | "createError" | "editError" | "deleteError" | "migrating" | "migrateError" | "recurringValidationError";
                            /** @enum {boolean} */
                            autoBootstrap: false;
                            /** @description The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED] */
                            config: {
                                [key: string]: unknown;
                            };
                            validationResults: {
                                status: "passed" | "failed";
                                validationTests: {
                                    name: string;
                                    status: "passed" | "failed";
                                    result?: string;
                                }[];
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            createdBy: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /** Edit an integration: `editing`, then `enabled` with the new configuration, or `editError` keeping the one that last validated */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        autoBootstrap?: false;
                        /** @description The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED] */
                        config: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            type: string;
                            status: "creating" | "enabled" | "editing" | "deleting" | "createError" | "editError" | "deleteError" | "migrating" | "migrateError" | "recurringValidationError";
                            /** @enum {boolean} */
                            autoBootstrap: false;
                            /** @description The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED] */
                            config: {
                                [key: string]: unknown;
                            };
                            validationResults: {
                                status: "passed" | "failed";
                                validationTests: {
                                    name: string;
                                    status: "passed" | "failed";
                                    result?: string;
                                }[];
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            createdBy: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove an integration (Warden bootstrapped nothing on the platform to clean up) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            type: string;
                            status: "creating" | "enabled" | "editing" | "deleting" | "createError" | "editError" | "deleteError" | "migrating" | "migrateError" | "recurringValidationError";
                            /** @enum {boolean} */
                            autoBootstrap: false;
                            /** @description The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED] */
                            config: {
                                [key: string]: unknown;
                            };
                            validationResults: {
                                status: "passed" | "failed";
                                validationTests: {
                                    name: string;
                                    status: "passed" | "failed";
                                    result?: string;
                                }[];
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            createdBy: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{id}/upgrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The integration's upgrade as its latest run left it, or is leaving it (`running`: phase and counts) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            integrationId: number;
                            connectionKey: string;
                            state: "running" | "complete" | "partiallyComplete" | "failed";
                            phase: "validating" | "crawling" | "mapping" | "done";
                            /** @description The connection's crawl of this run (GET /jobs/{id}) */
                            syncRunId: string | null;
                            /** @description Legacy data sources of the integration: those upgraded by earlier runs and those this run started with */
                            total: number;
                            upgraded: number;
                            notUpgraded: {
                                dataSourceId: number;
                                /** @description Its legacy name */
                                name: string;
                                /** @description The table below the connection: [database, schema, table], or [database, table] (MariaDB, MySQL) */
                                remotePath: string[];
                                reason: "uniquenessViolation" | "notVisible" | "tableGone" | "unsupportedOption";
                                suggestedAction: string;
                            }[];
                            failureMessage: string | null;
                            startedBy: string | null;
                            startedAt: string;
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upgrade the integration's legacy data sources to a connection (same data source ids, owners, tags and status; generated names); `dryRun` returns the plan. Answers once the run ended: `complete`, `partiallyComplete` (run again after fixing what `notUpgraded` says) or `failed` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The new connection's key: the first part of every upgraded data source's name (`<connectionKey>.<DB>.<SCHEMA>.<TABLE>`) */
                        connectionKey: string;
                        /** @description Connection fields replacing the integration's (its credentials, or another authenticationType with its fields); secrets are write-only */
                        credentials?: {
                            [key: string]: unknown;
                        };
                        /** @description Plan only: test the credentials, read the platform, change nothing */
                        dryRun?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            integrationId: number;
                            connectionKey: string;
                            /** @enum {boolean} */
                            dryRun: true;
                            dataSources: {
                                dataSourceId: number;
                                legacyName: string;
                                /** @description The table below the connection: [database, schema, table], or [database, table] (MariaDB, MySQL) */
                                remotePath: string[];
                                newName: string;
                                enabled: boolean;
                                schemaMonitoring: boolean | null;
                                /** @description Whether this run would upgrade it */
                                upgraded: boolean;
                                notUpgraded?: {
                                    dataSourceId: number;
                                    /** @description Its legacy name */
                                    name: string;
                                    /** @description The table below the connection: [database, schema, table], or [database, table] (MariaDB, MySQL) */
                                    remotePath: string[];
                                    reason: "uniquenessViolation" | "notVisible" | "tableGone" | "unsupportedOption";
                                    suggestedAction: string;
                                };
                            }[];
                            schemas: {
                                path: string[];
                                monitoring: "on" | "off" | "none";
                                visibleTables: number;
                                upgradedDataSources: number;
                                newObjectsEnabled: number;
                                newObjectsDisabled: number;
                            }[];
                            conflicts: string[][];
                            notUpgraded: {
                                dataSourceId: number;
                                /** @description Its legacy name */
                                name: string;
                                /** @description The table below the connection: [database, schema, table], or [database, table] (MariaDB, MySQL) */
                                remotePath: string[];
                                reason: "uniquenessViolation" | "notVisible" | "tableGone" | "unsupportedOption";
                                suggestedAction: string;
                            }[];
                            refused: boolean;
                        } | {
                            integrationId: number;
                            connectionKey: string;
                            state: "running" | "complete" | "partiallyComplete" | "failed";
                            phase: "validating" | "crawling" | "mapping" | "done";
                            /** @description The connection's crawl of this run (GET /jobs/{id}) */
                            syncRunId: string | null;
                            /** @description Legacy data sources of the integration: those upgraded by earlier runs and those this run started with */
                            total: number;
                            upgraded: number;
                            notUpgraded: {
                                dataSourceId: number;
                                /** @description Its legacy name */
                                name: string;
                                /** @description The table below the connection: [database, schema, table], or [database, table] (MariaDB, MySQL) */
                                remotePath: string[];
                                reason: "uniquenessViolation" | "notVisible" | "tableGone" | "unsupportedOption";
                                suggestedAction: string;
                            }[];
                            failureMessage: string | null;
                            startedBy: string | null;
                            startedAt: string;
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{prefix}/handler": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register tables as legacy data sources with their own connection details (one handler each)
         * @description Checks the credentials, crawls each table, and creates an enabled data source per table with its handler and schema project. All or nothing: a duplicate table (400), a taken name (409), a table the credentials cannot see (422 TABLE_NOT_VISIBLE) register none.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The legacy technology path prefix: pg (PostgreSQL), mariadb (MariaDB), mysql (MySQL), snowflake (Snowflake), databricks (Databricks), trino (Trino), mssql (Microsoft SQL Server), hive (Apache Hive), impala (Apache Impala), hdfs (Apache HDFS), azureblob (Azure Blob Storage), asdw (Azure Synapse Analytics), asa (Azure Synapse Analytics), netezza (Netezza), db2 (DB2), oracle (Oracle), elastic (Elastic), teradata (Teradata), greenplum (Greenplum), redshift (Redshift), s3 (Amazon S3), native-s3 (Amazon S3), presto (Presto), athena (Amazon Athena), vertica (Vertica). Technologies Warden has no connector for are refused (UNSUPPORTED_TECHNOLOGY). */
                    prefix: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The legacy data source object; fields other than name and owner (blobHandlerType, type, recordFormat, tags, …) are accepted and not used */
                        dataSource?: {
                            /** @description The data source name of a single handler */
                            name?: string;
                            /** @description The data owners; default: the caller */
                            owner?: {
                                /** @description User names */
                                profiles?: string[];
                                /** @description Group names */
                                groups?: string[];
                            };
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description One table, or several (the answer is then an array) */
                        handler: ({
                            /** @description The connection fields of the technology as POST /data/connection documents them for `connection` (without `technology`; `authenticationType` defaults to its first; secrets write-only), and the table. Legacy fields staleDataTolerance, bodataSchemaName, bodataTableName, columns and ssl are accepted and not used (a warning says so). */
                            metadata: {
                                /** @description The remote database (Trino, Databricks: the catalog); also the database the connection signs in to where the technology has one */
                                database: string;
                                /** @description The remote schema; MariaDB/MySQL have none (leave it out, or give the database) */
                                schema?: string;
                                /** @description The remote table */
                                table: string;
                                /** @description The data source name (unique within the instance); default: dataSource.name for a single handler, else the name template */
                                dataSourceName?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        }) | ({
                            /** @description The connection fields of the technology as POST /data/connection documents them for `connection` (without `technology`; `authenticationType` defaults to its first; secrets write-only), and the table. Legacy fields staleDataTolerance, bodataSchemaName, bodataTableName, columns and ssl are accepted and not used (a warning says so). */
                            metadata: {
                                /** @description The remote database (Trino, Databricks: the catalog); also the database the connection signs in to where the technology has one */
                                database: string;
                                /** @description The remote schema; MariaDB/MySQL have none (leave it out, or give the database) */
                                schema?: string;
                                /** @description The remote table */
                                table: string;
                                /** @description The data source name (unique within the instance); default: dataSource.name for a single handler, else the name template */
                                dataSourceName?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        schemaEvolution?: {
                            /** @description false: schema monitoring on for the schema projects of these tables; true: off (a new project starts off) */
                            disabled?: boolean;
                            /** @description The schema detection owner: a user name (Warden users have names, not profile ids); default: the caller */
                            ownerProfileId?: string;
                            config?: {
                                nameTemplate?: {
                                    /** @description Data source name; tokens <tablename>, <schema>, <database>; default <schema>_<tablename> */
                                    nameFormat?: string;
                                    /** @description sqlTableName; default <tablename> */
                                    tableFormat?: string;
                                    /** @description sqlSchemaName; default <schema> */
                                    sqlSchemaNameFormat?: string;
                                    /** @description Schema project name; default <schema> */
                                    schemaProjectNameFormat?: string;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The handler id */
                            id: number;
                            dataSourceId: number;
                            name: string;
                            /** @description username@host:port/database: what groups data sources with the same connection details */
                            connectionString: string;
                            /** @description The schema project */
                            schemaEvolutionId: number;
                            warnings: string[];
                        } | {
                            /** @description The handler id */
                            id: number;
                            dataSourceId: number;
                            name: string;
                            /** @description username@host:port/database: what groups data sources with the same connection details */
                            connectionString: string;
                            /** @description The schema project */
                            schemaEvolutionId: number;
                            warnings: string[];
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{prefix}/handler/{handlerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A legacy handler: its connection details (secrets redacted) and table */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The legacy technology path prefix: pg (PostgreSQL), mariadb (MariaDB), mysql (MySQL), snowflake (Snowflake), databricks (Databricks), trino (Trino), mssql (Microsoft SQL Server), hive (Apache Hive), impala (Apache Impala), hdfs (Apache HDFS), azureblob (Azure Blob Storage), asdw (Azure Synapse Analytics), asa (Azure Synapse Analytics), netezza (Netezza), db2 (DB2), oracle (Oracle), elastic (Elastic), teradata (Teradata), greenplum (Greenplum), redshift (Redshift), s3 (Amazon S3), native-s3 (Amazon S3), presto (Presto), athena (Amazon Athena), vertica (Vertica). Technologies Warden has no connector for are refused (UNSUPPORTED_TECHNOLOGY). */
                    prefix: string;
                    handlerId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            dataSourceId: number;
                            name: string;
                            technology: string;
                            connectionString: string;
                            schemaEvolutionId: number | null;
                            /** @description The table object (its connection is the hidden legacy connection): for PUT /data/settings */
                            objectPath: string[];
                            enabled: boolean;
                            /** @description The connection details (secrets [REDACTED]) and the table */
                            metadata: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /**
         * Replace the connection details of a legacy data source (tested first; the table must stay visible)
         * @description A full replace of the connection fields. With the same connection string, every data source sharing it takes the new details (as PUT /{prefix}/bulk); with another, this data source moves to it, keeping its id, owners, status and tags.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The legacy technology path prefix: pg (PostgreSQL), mariadb (MariaDB), mysql (MySQL), snowflake (Snowflake), databricks (Databricks), trino (Trino), mssql (Microsoft SQL Server), hive (Apache Hive), impala (Apache Impala), hdfs (Apache HDFS), azureblob (Azure Blob Storage), asdw (Azure Synapse Analytics), asa (Azure Synapse Analytics), netezza (Netezza), db2 (DB2), oracle (Oracle), elastic (Elastic), teradata (Teradata), greenplum (Greenplum), redshift (Redshift), s3 (Amazon S3), native-s3 (Amazon S3), presto (Presto), athena (Amazon Athena), vertica (Vertica). Technologies Warden has no connector for are refused (UNSUPPORTED_TECHNOLOGY). */
                    prefix: string;
                    handlerId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The connection fields of the technology in full, secrets included (a full replace); database, schema and table may be repeated and cannot change */
                        metadata: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            dataSourceId: number;
                            name: string;
                            technology: string;
                            connectionString: string;
                            schemaEvolutionId: number | null;
                            /** @description The table object (its connection is the hidden legacy connection): for PUT /data/settings */
                            objectPath: string[];
                            enabled: boolean;
                            /** @description The connection details (secrets [REDACTED]) and the table */
                            metadata: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a legacy handler and its data source (and the hidden connection parts nothing else uses) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The legacy technology path prefix: pg (PostgreSQL), mariadb (MariaDB), mysql (MySQL), snowflake (Snowflake), databricks (Databricks), trino (Trino), mssql (Microsoft SQL Server), hive (Apache Hive), impala (Apache Impala), hdfs (Apache HDFS), azureblob (Azure Blob Storage), asdw (Azure Synapse Analytics), asa (Azure Synapse Analytics), netezza (Netezza), db2 (DB2), oracle (Oracle), elastic (Elastic), teradata (Teradata), greenplum (Greenplum), redshift (Redshift), s3 (Amazon S3), native-s3 (Amazon S3), presto (Presto), athena (Amazon Athena), vertica (Vertica). Technologies Warden has no connector for are refused (UNSUPPORTED_TECHNOLOGY). */
                    prefix: string;
                    handlerId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            dataSourceId: number;
                            name: string;
                            technology: string;
                            connectionString: string;
                            schemaEvolutionId: number | null;
                            /** @description The table object (its connection is the hidden legacy connection): for PUT /data/settings */
                            objectPath: string[];
                            enabled: boolean;
                            /** @description The connection details (secrets [REDACTED]) and the table */
                            metadata: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{prefix}/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the connection details of every legacy data source with one connection string */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The legacy technology path prefix: pg (PostgreSQL), mariadb (MariaDB), mysql (MySQL), snowflake (Snowflake), databricks (Databricks), trino (Trino), mssql (Microsoft SQL Server), hive (Apache Hive), impala (Apache Impala), hdfs (Apache HDFS), azureblob (Azure Blob Storage), asdw (Azure Synapse Analytics), asa (Azure Synapse Analytics), netezza (Netezza), db2 (DB2), oracle (Oracle), elastic (Elastic), teradata (Teradata), greenplum (Greenplum), redshift (Redshift), s3 (Amazon S3), native-s3 (Amazon S3), presto (Presto), athena (Amazon Athena), vertica (Vertica). Technologies Warden has no connector for are refused (UNSUPPORTED_TECHNOLOGY). */
                    prefix: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The connection string of the data sources to edit (as the handler routes answer it) */
                        connectionString: string;
                        handler: {
                            /** @description The connection fields of the technology in full, secrets included (a full replace); database, schema and table may be repeated and cannot change */
                            metadata: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                        schemaEvolution?: {
                            /** @description false: schema monitoring on for the schema projects of these tables; true: off (a new project starts off) */
                            disabled?: boolean;
                            /** @description The schema detection owner: a user name (Warden users have names, not profile ids); default: the caller */
                            ownerProfileId?: string;
                            config?: {
                                nameTemplate?: {
                                    /** @description Data source name; tokens <tablename>, <schema>, <database>; default <schema>_<tablename> */
                                    nameFormat?: string;
                                    /** @description sqlTableName; default <tablename> */
                                    tableFormat?: string;
                                    /** @description sqlSchemaName; default <schema> */
                                    sqlSchemaNameFormat?: string;
                                    /** @description Schema project name; default <schema> */
                                    schemaProjectNameFormat?: string;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            dataSourceId: number;
                            name: string;
                            technology: string;
                            connectionString: string;
                            schemaEvolutionId: number | null;
                            /** @description The table object (its connection is the hidden legacy connection): for PUT /data/settings */
                            objectPath: string[];
                            enabled: boolean;
                            /** @description The connection details (secrets [REDACTED]) and the table */
                            metadata: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataSource/detectRemoteChanges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Detect remote changes of legacy data sources now (schema monitoring and column detection)
         * @description Crawls each monitored schema of the selected schema projects whole (new tables become data sources tagged New, owned by the detection owner; dropped tables disable their data sources, never delete them) and every other selected enabled data source's table (its dictionary follows; added and retyped columns get New). Waits for the crawls. A crawl that fails or lists something incompletely disables and registers nothing (the warning says so). An empty body runs every schema project: APPLICATION_ADMIN or GOVERNANCE; others run column detection of the data sources they own.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One schema project (the schemaEvolutionId a registration answered) */
                        schemaEvolutionId?: number;
                        /** @description Only these legacy data sources: column detection of their tables, no new-table detection */
                        dataSourceIds?: number[];
                        /** @description Only data sources on this host */
                        hostname?: string;
                        /** @description Only data sources on this port */
                        port?: number;
                        /** @description Only data sources of this remote database */
                        database?: string;
                        /** @description Only data sources of a remote table of this name: column detection, no new-table detection */
                        table?: string;
                        /** @description Accepted and not used (Databricks in the legacy API) */
                        overrides?: {
                            httpPath?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            schemaDetection: {
                                /** @description What failed or was left out (a crawl that failed disables and registers nothing); null when nothing */
                                warning: string | null;
                                /** @description Sync run ids, ended when the answer comes: GET /jobs/{id} */
                                jobs: string[];
                            };
                            columnDetection: {
                                /** @description What failed or was left out (a crawl that failed disables and registers nothing); null when nothing */
                                warning: string | null;
                                /** @description Sync run ids, ended when the answer comes: GET /jobs/{id} */
                                jobs: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declare the data sources of a connectionKey: the whole desired set (tables left out are removed) */
        post: {
            parameters: {
                query?: {
                    /** @description Answer what would change, change nothing */
                    dryRun?: boolean;
                    /** @description Accepted for compatibility: Warden answers once the registration is done */
                    wait?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Names the set of data sources this declaration owns */
                        connectionKey: string;
                        /** @description The technology's connection fields as POST /data/connection documents them (ssl is accepted and not used) */
                        connection: {
                            /** @description The technology (PostgreSQL, MariaDB, MySQL, Snowflake, Databricks, Trino) */
                            handler: string;
                            database: string;
                            /** @description Without sources: register every table of this schema (else of the database) */
                            schema?: string;
                            /** @description The authentication type (default: the technology's first) */
                            authenticationMethod?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        nameTemplate?: {
                            /** @description Tokens <tablename>, <schema>, <database>; names are lower-cased; default <schema>_<tablename> */
                            dataSourceFormat?: string;
                            tableFormat?: string;
                            schemaFormat?: string;
                            schemaProjectNameFormat?: string;
                        };
                        /** @description Accepted and not used (tableTags: V2 auto-tagging is not supported) */
                        options?: {
                            [key: string]: unknown;
                        };
                        owners?: {
                            type: "user" | "group";
                            name: string;
                            iam?: string;
                        }[];
                        /** @description The tables; omitted: every table of the schema or database (schema monitoring on) */
                        sources?: {
                            table: string;
                            /** @description Default: connection.schema */
                            schema?: string;
                            naming?: {
                                datasource?: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            creating: string[];
                            updating: string[];
                            deleting: string[];
                            noChange: string[];
                            detectionRunning: boolean;
                            tagsUpdated: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/data/{connectionKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit the display names of the data sources of a connectionKey (naming.datasource per table, or nameTemplate.dataSourceFormat) */
        post: {
            parameters: {
                query?: {
                    /** @description Answer what would change, change nothing */
                    dryRun?: boolean;
                    /** @description Accepted for compatibility: Warden answers once the registration is done */
                    wait?: number;
                };
                header?: never;
                path: {
                    connectionKey: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameTemplate?: {
                            /** @description Tokens <tablename>, <schema>, <database>; names are lower-cased; default <schema>_<tablename> */
                            dataSourceFormat?: string;
                            tableFormat?: string;
                            schemaFormat?: string;
                            schemaProjectNameFormat?: string;
                        };
                        sources?: {
                            table: string;
                            /** @description Default: connection.schema */
                            schema?: string;
                            naming?: {
                                datasource?: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            creating: string[];
                            updating: string[];
                            deleting: string[];
                            noChange: string[];
                            detectionRunning: boolean;
                            tagsUpdated: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /** Remove every data source of a connectionKey; 404 when it has none (with dryRun=true: an existence probe) */
        delete: {
            parameters: {
                query?: {
                    /** @description Answer what would change, change nothing */
                    dryRun?: boolean;
                    /** @description Accepted for compatibility: Warden answers once the registration is done */
                    wait?: number;
                };
                header?: never;
                path: {
                    connectionKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            creating: string[];
                            updating: string[];
                            deleting: string[];
                            noChange: string[];
                            detectionRunning: boolean;
                            tagsUpdated: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user of the API key sent, with their effective permissions and groups */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            /** @description Effective: the user’s and their groups’ */
                            permissions: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
                            groups: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Letters, digits, ".", "_", "@" and "-" (an e-mail address works); as dataOwners names the user or group */
                        name: string;
                        /** @default [] */
                        permissions?: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
                        /** @description Groups that do not exist yet are created without permissions */
                        groups?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /** Replace a user's permissions and/or groups */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Replaces the permissions granted directly */
                        permissions?: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
                        /** @description Replaces the memberships */
                        groups?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a user and their API keys */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Groups with their permissions and members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            permissions: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
                            members: string[];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create a group or replace its permissions */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        permissions: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            permissions: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
                            members: string[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a group (its members lose what it granted) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            permissions: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
                            members: string[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{name}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's API keys (prefix only, never the key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description The first characters of the key, to tell keys apart; the key itself is never shown again */
                            prefix: string;
                            user: string;
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                            state: "active" | "expired" | "revoked";
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key for a user; the answer holds the key, shown this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A label to recognise the key by
                         * @default default
                         */
                        name?: string;
                        /**
                         * Format: date-time
                         * @description After this instant the key gets 401
                         */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description The first characters of the key, to tell keys apart; the key itself is never shown again */
                            prefix: string;
                            user: string;
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                            state: "active" | "expired" | "revoked";
                            /** @description The API key. Shown this once: only its hash is stored */
                            key: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{name}/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description The first characters of the key, to tell keys apart; the key itself is never shown again */
                            prefix: string;
                            user: string;
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                            state: "active" | "expired" | "revoked";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change, newest first: who, when, what object, before and after */
        get: {
            parameters: {
                query?: {
                    /** @description Entries about this object or anything below it, in URL form: each name percent-encoded, joined with "/" */
                    objectPath?: string;
                    /** @description e.g. user:alice, system:sync, anonymous */
                    actor?: string;
                    /** @description e.g. object.settings, connection.registered, auth.failed */
                    action?: string;
                    /** @description At or after this instant */
                    from?: string;
                    /** @description Before this instant */
                    to?: string;
                    offset?: number;
                    size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            hits: {
                                id: number;
                                at: string;
                                actor: string;
                                action: string;
                                objectPath: string[] | null;
                                target: string | null;
                                /** @description The state before the change (null when created); secrets are [REDACTED] */
                                before: unknown;
                                /** @description The state after the change (null when deleted) */
                                after: unknown;
                                clientAddress: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/tags/{objectPath}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An object's tags and its columns' tags
         * @description The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). Names "." and ".." cannot travel in a URL: use the JSON-array form of this route, the same URL without the path.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" (e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). Type it the same way in "Try it out": it is sent as typed. Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): use the JSON-array form of the route, the same URL without the path.
                     * @example Demo%20Warehouse/postgres/sales/orders
                     */
                    objectPath: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objectPath: string[];
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            /** @description Leaves: every column of the dictionary, in order */
                            columns?: {
                                name: string;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add user tags to the object or, with column, to one of its columns
         * @description The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). Names "." and ".." cannot travel in a URL: use the JSON-array form of this route, the same URL without the path. GOVERNANCE on any object; data owners inside the subtrees they own.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" (e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). Type it the same way in "Try it out": it is sent as typed. Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): use the JSON-array form of the route, the same URL without the path.
                     * @example Demo%20Warehouse/postgres/sales/orders
                     */
                    objectPath: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description User tags to add. One the place has already gets the value given (none: null); adding it again changes nothing */
                        tags: {
                            /** @description Dot-separated segments of ASCII letters, digits, "_" and "-", single spaces inside a segment: PII, PII.Email, Cost Centre.EU-1 */
                            name: string;
                            /** @description Free text without control characters */
                            value?: string;
                        }[];
                        /** @description The column's name, exactly as in the data dictionary */
                        column?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objectPath: string[];
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            /** @description Leaves: every column of the dictionary, in order */
                            columns?: {
                                name: string;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /**
         * Remove a user tag, or (source system) clear the New tag; platform tags follow the platform (409)
         * @description The path in the URL: the connection key, then each name, each percent-encoded on its own and joined with "/" ("/" in a name is %2F). Names "." and ".." cannot travel in a URL: use the JSON-array form of this route, the same URL without the path. GOVERNANCE on any object; data owners inside the subtrees they own.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The object path: the connection key, then each name, each percent-encoded on its own, joined with "/" (e.g. Demo%20Warehouse/postgres/sales/orders; a "/" inside a name is %2F, a space %20, a "%" %25). Type it the same way in "Try it out": it is sent as typed. Names "." and ".." cannot be sent in a URL (clients resolve them away; the server answers 400 DOT_SEGMENT_IN_URL): use the JSON-array form of the route, the same URL without the path.
                     * @example Demo%20Warehouse/postgres/sales/orders
                     */
                    objectPath: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description The column's name, exactly as in the data dictionary */
                        column?: string;
                        /**
                         * @description user (default); system clears the New tag; platform tags follow the platform and cannot be removed (409)
                         * @default user
                         */
                        source?: "user" | "system" | "platform";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objectPath: string[];
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            /** @description Leaves: every column of the dictionary, in order */
                            columns?: {
                                name: string;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An object's tags and its columns' tags
         * @description The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included.
         */
        get: {
            parameters: {
                query: {
                    /** @description The object path as a JSON array of names, connection key first, each name exactly as the platform spells it */
                    objectPath: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objectPath: string[];
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            /** @description Leaves: every column of the dictionary, in order */
                            columns?: {
                                name: string;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add user tags to the object or, with column, to one of its columns
         * @description The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included. GOVERNANCE on any object; data owners inside the subtrees they own.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The object path as a JSON array of names, connection key first, each name exactly as the platform spells it
                         * @example [
                         *       "Demo Warehouse",
                         *       "postgres",
                         *       "sales",
                         *       "orders"
                         *     ]
                         */
                        objectPath: string[];
                        /** @description User tags to add. One the place has already gets the value given (none: null); adding it again changes nothing */
                        tags: {
                            /** @description Dot-separated segments of ASCII letters, digits, "_" and "-", single spaces inside a segment: PII, PII.Email, Cost Centre.EU-1 */
                            name: string;
                            /** @description Free text without control characters */
                            value?: string;
                        }[];
                        /** @description The column's name, exactly as in the data dictionary */
                        column?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objectPath: string[];
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            /** @description Leaves: every column of the dictionary, in order */
                            columns?: {
                                name: string;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /**
         * Remove a user tag, or (source system) clear the New tag; platform tags follow the platform (409)
         * @description The JSON-array form: the path as an array of names, so any name travels exactly, "." and ".." included. GOVERNANCE on any object; data owners inside the subtrees they own.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The object path as a JSON array of names, connection key first, each name exactly as the platform spells it
                         * @example [
                         *       "Demo Warehouse",
                         *       "postgres",
                         *       "sales",
                         *       "orders"
                         *     ]
                         */
                        objectPath: string[];
                        name: string;
                        /** @description The column's name, exactly as in the data dictionary */
                        column?: string;
                        /**
                         * @description user (default); system clears the New tag; platform tags follow the platform and cannot be removed (409)
                         * @default user
                         */
                        source?: "user" | "system" | "platform";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objectPath: string[];
                            tags: {
                                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                name: string;
                                /** @description null when the tag has none */
                                value: string | null;
                                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                source: "platform" | "user" | "system";
                                /** @description user:<name> for user tags; null for platform and system tags */
                                addedBy: string | null;
                                addedAt: string;
                            }[];
                            /** @description Leaves: every column of the dictionary, in order */
                            columns?: {
                                name: string;
                                tags: {
                                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                                    name: string;
                                    /** @description null when the tag has none */
                                    value: string | null;
                                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                                    source: "platform" | "user" | "system";
                                    /** @description user:<name> for user tags; null for platform and system tags */
                                    addedBy: string | null;
                                    addedAt: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tag names in use, with how many objects, columns and data sources carry each
         * @description Counts cover objects present on the platform and the columns their dictionaries hold today; every source.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Part of the tag name, any case */
                    searchText?: string;
                    offset?: number;
                    size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            hits: {
                                name: string;
                                objects: number;
                                columns: number;
                                dataSources: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tag/{modelType}/{modelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Legacy: add user tags to a data source or a column; answers its tags
         * @description GOVERNANCE on any object; data owners inside the subtrees they own.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description datasource or column */
                    modelType: "datasource" | "column";
                    /** @description datasource: the data source id (12); column: <dataSourceId>_<columnName> (12_email), split at the first "_" */
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Dot-separated segments of ASCII letters, digits, "_" and "-", single spaces inside a segment: PII, PII.Email, Cost Centre.EU-1 */
                        name: string;
                        /** @description Free text without control characters */
                        value?: string;
                    }[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                            name: string;
                            /** @description null when the tag has none */
                            value: string | null;
                            /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                            source: "platform" | "user" | "system";
                            /** @description user:<name> for user tags; null for platform and system tags */
                            addedBy: string | null;
                            addedAt: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tag/{modelType}/{modelId}/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Legacy: remove a user tag from a data source or a column; answers the tags left
         * @description GOVERNANCE on any object; data owners inside the subtrees they own.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description datasource or column */
                    modelType: "datasource" | "column";
                    /** @description datasource: the data source id (12); column: <dataSourceId>_<columnName> (12_email), split at the first "_" */
                    modelId: string;
                    tag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                            name: string;
                            /** @description null when the tag has none */
                            value: string | null;
                            /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                            source: "platform" | "user" | "system";
                            /** @description user:<name> for user tags; null for platform and system tags */
                            addedBy: string | null;
                            addedAt: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session the cookie belongs to, with its CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A web UI session: the cookie warden_session (HttpOnly, SameSite=Strict) acts as the API key it was signed in with */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Sign in: exchange an API key for a session cookie (the web UI) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An API key; it is exchanged for the session cookie and not kept */
                        apiKey: string;
                    };
                };
            };
            responses: {
                /** @description A web UI session: the cookie warden_session (HttpOnly, SameSite=Strict) acts as the API key it was signed in with */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        /** Sign out: end the session and clear its cookie */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            /** @description HTTP reason phrase */
                            error: string;
                            /** @description What went wrong and what to do about it */
                            message: string;
                            /** @description Stable error code; docs/errors.md lists them all */
                            code: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorResponse: {
            statusCode: number;
            /** @description HTTP reason phrase */
            error: string;
            /** @description What went wrong and what to do about it */
            message: string;
            /** @description Stable error code; docs/errors.md lists them all */
            code: string;
        };
        Job: {
            id: string;
            /** @enum {string} */
            type: "objectSync";
            state: "created" | "active" | "completed" | "failed" | "cancelled";
            connectionKey: string;
            objectPath: string[];
            /** @description registration, schedule, manual or detection (schema monitoring) */
            trigger: string;
            requestedBy: string | null;
            forceRecursiveCrawl: boolean;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            counts: {
                added: number;
                removed: number;
                restored: number;
                renamed: number;
                /** @description Same stable id found under another parent (ALTER TABLE … SET SCHEMA): moved with its settings and history */
                moved: number;
                changed: number;
                unchanged: number;
                conflicts: number;
            };
            progress: {
                containersListed: number;
                objectsSeen: number;
            };
            /** @description Subtrees not crawled (left as they were), subtrees whose tags were not read (notRead: tags) and uniqueness violations */
            errors: {
                objectPath: string[];
                code: string;
                message: string;
                /**
                 * @description Only the subtree's tags were not read: its objects were synced, its platform tags left as they were
                 * @enum {string}
                 */
                notRead?: "tags";
            }[];
            failureMessage: string | null;
        };
        Connection: {
            connectionKey: string;
            technology: string;
            /** @description Details; secrets are [REDACTED] */
            connection: {
                [key: string]: unknown;
            };
            state: "ACTIVE" | "INACTIVE" | "UNHEALTHY";
            health: {
                status: string;
                checkedAt: string;
                message?: string;
            } | null;
            levels: string[];
            createdAt: string;
            updatedAt: string;
            createdBy: string | null;
            firstSyncCompletedAt: string | null;
            lastSyncRun: components["schemas"]["Job"] | (never | null);
            /** @description Objects in the catalog under the connection, itself included (what deleting it removes) */
            objectCount: number;
            /** @description Enabled leaves (data sources) under the connection */
            dataSourceCount: number;
        };
        ObjectSummary: {
            /** @description Connection key first, then the platform names, exact spelling */
            objectPath: string[];
            technology: string;
            /** @description connection, database, schema, table, view, materializedView, partitionedTable, foreignTable, … */
            kind: string;
            state: "active" | "inactive";
            /** @description Gone from the platform: kept, disabled, until deleted */
            removed: boolean;
            /** @description Only the settings overridden on this object */
            overrides: {
                isActive?: boolean;
                activateNewChildren?: boolean;
                dataOwners?: {
                    type: "user" | "group";
                    name: string;
                }[];
            };
            /** @description Leaves: the path joined with "." */
            dataSourceName?: string;
            /** @description Enabled leaves (data sources): the data source's own id (not the object's), kept across disabling, renames and moves */
            dataSourceId?: number;
            /** @description Platform identifier (PostgreSQL OID) used to recognise renames */
            stableId: string | null;
            comment: string | null;
            /** @description Children still present on the platform */
            childCount: number;
            /** @description Tags on the object itself, every source (its columns' tags are with the columns) */
            tags: {
                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                name: string;
                /** @description null when the tag has none */
                value: string | null;
                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                source: "platform" | "user" | "system";
                /** @description user:<name> for user tags; null for platform and system tags */
                addedBy: string | null;
                addedAt: string;
            }[];
            settings: {
                isActive: boolean;
                activateNewChildren: boolean;
                dataOwners: {
                    type: "user" | "group";
                    name: string;
                }[];
            };
        };
        DataObject: {
            /** @description Connection key first, then the platform names, exact spelling */
            objectPath: string[];
            technology: string;
            /** @description connection, database, schema, table, view, materializedView, partitionedTable, foreignTable, … */
            kind: string;
            state: "active" | "inactive";
            /** @description Gone from the platform: kept, disabled, until deleted */
            removed: boolean;
            /** @description Only the settings overridden on this object */
            overrides: {
                isActive?: boolean;
                activateNewChildren?: boolean;
                dataOwners?: {
                    type: "user" | "group";
                    name: string;
                }[];
            };
            /** @description Leaves: the path joined with "." */
            dataSourceName?: string;
            /** @description Enabled leaves (data sources): the data source's own id (not the object's), kept across disabling, renames and moves */
            dataSourceId?: number;
            /** @description Platform identifier (PostgreSQL OID) used to recognise renames */
            stableId: string | null;
            comment: string | null;
            /** @description Children still present on the platform */
            childCount: number;
            /** @description Tags on the object itself, every source (its columns' tags are with the columns) */
            tags: {
                /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                name: string;
                /** @description null when the tag has none */
                value: string | null;
                /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                source: "platform" | "user" | "system";
                /** @description user:<name> for user tags; null for platform and system tags */
                addedBy: string | null;
                addedAt: string;
            }[];
            settings: {
                isActive: {
                    value: boolean;
                    hasDescendantsWithOverrides: boolean;
                    /** @description How many objects below override this setting: what cascade would clear */
                    descendantOverrides: number;
                };
                activateNewChildren: {
                    value: boolean;
                    hasDescendantsWithOverrides: boolean;
                    /** @description How many objects below override this setting: what cascade would clear */
                    descendantOverrides: number;
                };
                dataOwners: {
                    value: {
                        type: "user" | "group";
                        name: string;
                    }[];
                    hasDescendantsWithOverrides: boolean;
                    /** @description How many objects below override this setting: what cascade would clear */
                    descendantOverrides: number;
                };
            };
            /** @description Leaves: the data dictionary */
            columns?: {
                name: string;
                ordinal: number;
                /** @description The platform type as the platform writes it */
                type: string;
                /** @description False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain) */
                nullable: boolean;
                /** @description The default as SQL; null when none and for a generated column */
                defaultValue: string | null;
                /** @description A generated column: how it is computed; null for an ordinary column */
                generated: {
                    /** @description The generation expression as the platform writes it */
                    expression: string;
                    /** @description Computed on write and stored (true), or on read (virtual, false) */
                    stored: boolean;
                } | null;
                comment: string | null;
                /** @description The column's tags, every source */
                tags: {
                    /** @description Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG) */
                    name: string;
                    /** @description null when the tag has none */
                    value: string | null;
                    /** @description platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden's own (New) */
                    source: "platform" | "user" | "system";
                    /** @description user:<name> for user tags; null for platform and system tags */
                    addedBy: string | null;
                    addedAt: string;
                }[];
            }[];
            removedAt: string | null;
            createdAt: string;
            updatedAt: string;
            lastSync: {
                syncRunId: string;
                at: string;
            } | null;
        };
        User: {
            name: string;
            /** @description Granted to the user directly */
            permissions: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
            groups: string[];
            /** @description The user's and their groups' permissions */
            effectivePermissions: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
            /** @description The built-in admin user (owner of the bootstrap admin key): cannot be changed or deleted */
            builtin: boolean;
            createdAt: string;
            updatedAt: string;
        };
        /** @description A web UI session: the cookie warden_session (HttpOnly, SameSite=Strict) acts as the API key it was signed in with */
        Session: {
            user: {
                name: string;
                /** @description Effective: the user’s and their groups’ */
                permissions: ("APPLICATION_ADMIN" | "GOVERNANCE" | "CREATE_DATA_SOURCE" | "USER_ADMIN")[];
                groups: string[];
            };
            /**
             * Format: date-time
             * @description When the session ends (never later than its API key)
             */
            expiresAt: string;
            /** @description Send it in the x-csrf-token header on every request that changes something */
            csrfToken: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
