// One log line per turn: what came in, from which channel and conversation, and how long it took.
import type { Middleware } from 'botbuilder';
import type { Logger } from '../logger';

export function turnLogMiddleware(logger: Logger): Middleware {
  return {
    async onTurn(context, next) {
      const started = performance.now();
      const activity = context.activity;
      let failed = false;
      try {
        await next();
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        logger.info(
          {
            activityType: activity.type,
            activityName: activity.name,
            channel: activity.channelId,
            conversationId: activity.conversation?.id,
            activityId: activity.id,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            failed,
          },
          'turn',
        );
      }
    },
  };
}
