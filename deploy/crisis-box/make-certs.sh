#!/usr/bin/env bash
# The crisis box's own certificate authority and its TLS certificate, with openssl only.
#
#   deploy/crisis-box/make-certs.sh DIR DOMAIN [LAN-ADDRESS]
#   deploy/crisis-box/make-certs.sh /root/crisis-ca crise.example.org 192.168.50.10
#
# The first run makes the CA (DIR/ca.key, DIR/ca.crt, 10 years); every run makes a new server
# certificate (DIR/box.key, DIR/box.crt, 800 days) for DOMAIN, livekit.DOMAIN and turn.DOMAIN (and
# the address, if given). The CA may only sign names under DOMAIN (a name constraint): a device that
# trusts it trusts nothing else from it, even if ca.key leaks. Keep ca.key offline with the
# organisation key; install ca.crt on the devices (docs/deploy.md).
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '4,5p' "$0" >&2
  exit 2
fi
dir=$1
domain=$2
address=${3:-}
umask 077
mkdir -p "$dir"
cd "$dir"

if [ ! -f ca.key ]; then
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -keyout ca.key -out ca.crt -days 3650 -sha256 \
    -subj "/O=Tocsin crisis box/CN=Tocsin crisis box CA for $domain" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "nameConstraints=critical,permitted;DNS:$domain,permitted;DNS:.$domain${address:+,permitted;IP:$address/255.255.255.255}"
  chmod 644 ca.crt
  echo "Made the CA: $dir/ca.crt (install it on the devices), $dir/ca.key (keep it offline)."
fi

san="DNS:$domain,DNS:livekit.$domain,DNS:turn.$domain${address:+,IP:$address}"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
  -keyout box.key -out box.csr -subj "/CN=$domain"
# 800 days: Apple devices refuse TLS server certificates valid for more than 825 days.
openssl x509 -req -in box.csr -CA ca.crt -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
  -days 800 -sha256 -out box.crt -extfile <(
    printf '%s\n' \
      "subjectAltName=$san" \
      "basicConstraints=critical,CA:FALSE" \
      "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=serverAuth"
  )
rm box.csr
chmod 644 box.crt
openssl verify -CAfile ca.crt box.crt >/dev/null
echo "Made $dir/box.crt and $dir/box.key for $san."
