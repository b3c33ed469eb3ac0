#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>
#include <utility>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;

namespace vigia::test {

// A tiny HTTP/1.1 (or HTTPS) server on 127.0.0.1 for network code under test: one request per connection (it answers
// with "Connection: close"), answers chosen per request by a handler, optionally late or never. Records every request.
class LocalHttpServer : public QObject {
    Q_OBJECT
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    struct Request {
        QByteArray method;
        QByteArray target; // path and query, as sent
        Headers headers;
        QByteArray body;
        // Case-insensitive; empty when absent.
        QByteArray header(const QByteArray &name) const;
        QString path() const;
    };
    struct Response {
        int status = 200;
        QByteArray reason; // empty: the usual phrase of the status
        Headers headers;
        QByteArray body;
        int delayMs = 0;   // answer this much later
        bool hold = false; // never answer: the connection stays open until the client closes it
    };
    using Handler = std::function<Response(const Request &)>;

    explicit LocalHttpServer(QObject *parent = nullptr);
    // The same over TLS with this certificate and key: https URLs.
    explicit LocalHttpServer(const QSslConfiguration &tls, QObject *parent = nullptr);
    ~LocalHttpServer() override;

    bool isListening() const;
    // Default: 200 with body "ok".
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QUrl url(const QString &pathAndQuery) const;
    QList<Request> requests() const { return m_requests; }
    // Client connections not yet closed by either side.
    int openConnections() const { return int(m_sockets.size()); }

    // A loopback port nothing listens on (bound, noted and released), for connection-refused cases.
    static quint16 closedPort();

signals:
    void requestReceived();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Request &request, const Response &response);
    void listen();

    QTcpServer *m_server;
    bool m_tls = false;
    Handler m_handler;
    QList<Request> m_requests;
    QSet<QTcpSocket *> m_sockets;
};

} // namespace vigia::test
