// The citizens' public routes (no login). Loaded before the core router (file name order) so that
// /questions/challenge is not taken for /questions/:id. Rate limits, origin, content type and body
// size are enforced before the body is read, by the global::question-intake middleware.
export default {
  routes: [
    { method: 'POST', path: '/questions/submit', handler: 'intake.submit', config: { auth: false, policies: [], middlewares: [] } },
    { method: 'GET', path: '/questions/challenge', handler: 'intake.challenge', config: { auth: false, policies: [], middlewares: [] } },
    { method: 'GET', path: '/questions/status/:code', handler: 'intake.status', config: { auth: false, policies: [], middlewares: [] } },
  ],
};
