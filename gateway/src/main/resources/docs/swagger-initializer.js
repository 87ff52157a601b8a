// Renders the gateway's copy of the hand-written Customer API spec. A null validatorUrl stops
// Swagger UI from sending the spec to its public online validator for the badge.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi/customer-api.yaml',
    dom_id: '#swagger-ui',
    validatorUrl: null,
    deepLinking: true,
  });
});
