import { validate, validators } from '../generated/validators.gen.js';

export function checkOrder(value: unknown) {
  return validators.order.read(value);
}

export function checkSignUp(value: unknown) {
  return validators.customer.create(value);
}

export function checkProduct(value: unknown) {
  return validate('shop.product', value, 'read');
}
